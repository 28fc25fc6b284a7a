package org.leukemia.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankLogisticRegressionTest {

    @Test
    void recoversTheDirectionOfEachScoreAndIsDeterministic() {
        // class 1 rises with the first score, class 2 with the second; the third is noise
        Random random = new Random(3);
        int n = 3000;
        double[][] z = new double[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {random.nextGaussian(), random.nextGaussian(),
                    random.nextGaussian()};
            double[] p = Calibration.softmax(new double[] {0, 2 * z[i][0], 2 * z[i][1]});
            double u = random.nextDouble();
            truth[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);

        RankLogisticRegression fitted = RankLogisticRegression.fit(z, truth, ones, 3);

        double[][] b = fitted.coefficients();
        assertThat(b[1][0] - b[0][0]).isCloseTo(2.0, within(0.25));
        assertThat(b[2][1] - b[0][1]).isCloseTo(2.0, within(0.25));
        assertThat(Math.abs(b[1][2] - b[0][2])).isLessThan(0.15);
        assertThat(RankLogisticRegression.fit(z, truth, ones, 3)).isEqualTo(fitted);
    }

    @Test
    void theWeightScalesMarginsAndContributionsAlike() {
        RankLogisticRegression model = new RankLogisticRegression(1.0, new double[] {0, 1, -1},
                new double[][] {{0, 0}, {1, 0}, {0, 2}});
        RankLogisticRegression half = model.withWeight(0.5);
        double[] scores = {1.5, -0.5};

        assertThat(model.margins(scores)).containsExactly(0.0, 2.5, -2.0);
        assertThat(half.margins(scores)).containsExactly(0.0, 1.25, -1.0);
        double[][] shares = half.contributions(scores);
        assertThat(shares[0]).containsExactly(new double[] {0, 0.75, 0}, within(1e-12));
        assertThat(shares[1]).containsExactly(new double[] {0, 0, -0.5}, within(1e-12));
    }
}
