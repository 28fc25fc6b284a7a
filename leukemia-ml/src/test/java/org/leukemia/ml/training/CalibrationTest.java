package org.leukemia.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void recoversTheTemperatureOfOverconfidentMargins() {
        // true log-odds z, margins reported 3 times too large: the fit must find T near 3
        Random random = new Random(1);
        int n = 4000;
        double[][] margins = new double[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double[] p = Calibration.softmax(z);
            double u = random.nextDouble();
            truth[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            for (int c = 0; c < 3; c++) {
                margins[i][c] = 3 * z[c];
            }
        }
        Calibration fitted = Calibration.fit(margins, truth);

        assertThat(fitted.temperature()).isCloseTo(3.0, within(0.3));
        assertThat(Calibration.logLoss(fitted, margins, truth))
                .isLessThan(Calibration.logLoss(Calibration.identity(3), margins, truth));
    }

    @Test
    void decisionWeightsMoveTheDecisionNotTheProbabilities() {
        Calibration plain = Calibration.identity(3);
        Calibration weighted = plain.withDecision(new double[] {1, 1, 3}, Calibration.BALANCED);
        double[] margin = {1.0, 0.0, 0.2};

        assertThat(weighted.probabilities(margin)).containsExactly(plain.probabilities(margin));
        assertThat(plain.decide(plain.probabilities(margin))).isZero();
        // p = 0.57, 0.21, 0.26; weighted 0.57, 0.21, 0.77
        assertThat(weighted.decide(weighted.probabilities(margin))).isEqualTo(2);
    }

    @Test
    void foldsAreStratifiedAndSeeded() {
        int[] labels = new int[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2;
        }
        int[] folds = StratifiedFolds.assign(labels, 5, 3);

        assertThat(folds).isEqualTo(StratifiedFolds.assign(labels, 5, 3));
        assertThat(folds).isNotEqualTo(StratifiedFolds.assign(labels, 5, 4));
        for (int f = 0; f < 5; f++) {
            final int fold = f;
            for (int c = 0; c < 3; c++) {
                final int cls = c;
                long n = java.util.stream.IntStream.range(0, 100)
                        .filter(i -> folds[i] == fold && labels[i] == cls).count();
                assertThat(n).isEqualTo(new long[] {14, 4, 2}[c]);
            }
        }
        assertThat(Arrays.stream(folds).max().orElseThrow()).isEqualTo(4);
    }
}
