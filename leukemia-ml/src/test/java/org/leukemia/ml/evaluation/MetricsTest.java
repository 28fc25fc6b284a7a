package org.leukemia.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on tiny examples computed by hand (the arithmetic is in the comments). */
class MetricsTest {

    private static final int[] TRUTH = {0, 0, 1, 2};
    private static final int[] DECIDED = {0, 1, 1, 2};
    private static final double[][] P = {
        {1.0, 0.0, 0.0}, {0.5, 0.5, 0.0}, {0.2, 0.8, 0.0}, {0.0, 0.0, 1.0}};

    @Test
    void confusionAccuracyAndBalancedAccuracy() {
        int[][] m = Metrics.confusion(TRUTH, DECIDED, 3);

        assertThat(m).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        assertThat(Metrics.accuracy(m)).isEqualTo(0.75);
        // recalls 1/2, 1, 1 -> mean 5/6
        assertThat(Metrics.balancedAccuracy(m)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void precisionRecallF1PerClass() {
        int[][] m = Metrics.confusion(TRUTH, DECIDED, 3);

        assertThat(Metrics.precision(m, 0)).isEqualTo(1.0);
        assertThat(Metrics.recall(m, 0)).isEqualTo(0.5);
        assertThat(Metrics.f1(m, 0)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(Metrics.precision(m, 1)).isEqualTo(0.5);
        assertThat(Metrics.recall(m, 1)).isEqualTo(1.0);
        assertThat(Metrics.f1(m, 2)).isEqualTo(1.0);
        int[][] never = Metrics.confusion(new int[] {0, 1}, new int[] {0, 0}, 3);
        assertThat(Metrics.precision(never, 1)).isNaN();
        assertThat(Metrics.recall(never, 2)).isNaN();
    }

    @Test
    void brierAndLogLoss() {
        // rows: 0, 0.25 + 0.25, 0.04 + 0.04, 0 -> 0.58 / 4
        assertThat(Metrics.brier(TRUTH, P)).isCloseTo(0.145, within(1e-12));
        // -ln(1) - ln(0.5) - ln(0.8) - ln(1), over 4
        assertThat(Metrics.logLoss(TRUTH, P))
                .isCloseTo((Math.log(2) - Math.log(0.8)) / 4, within(1e-12));
    }

    @Test
    void reliabilityTableCountsEveryClassProbability() {
        List<Metrics.ReliabilityBin> table = Metrics.reliability(TRUTH, P, 2);

        // below 0.5: seven pairs summing to 0.2, none the true class
        assertThat(table.get(0).count()).isEqualTo(7);
        assertThat(table.get(0).meanPredicted()).isCloseTo(0.2 / 7, within(1e-12));
        assertThat(table.get(0).observed()).isEqualTo(0.0);
        // from 0.5: 1, 0.5, 0.5, 0.8, 1 -> mean 0.76; four of five are the true class
        assertThat(table.get(1).count()).isEqualTo(5);
        assertThat(table.get(1).meanPredicted()).isCloseTo(0.76, within(1e-12));
        assertThat(table.get(1).observed()).isCloseTo(0.8, within(1e-12));
        // (7 * 0.2/7 + 5 * 0.04) / 12
        assertThat(Metrics.calibrationError(table)).isCloseTo(0.4 / 12, within(1e-12));
    }

    @Test
    void aucPerClassAndMacro() {
        // class 0: positives 1.0, 0.5; negatives 0.2, 0.0 -> 1
        assertThat(Metrics.auc(TRUTH, P, 0)).isEqualTo(1.0);
        // class 1: positive 0.8; negatives 0, 0.5, 0 -> 1
        assertThat(Metrics.auc(TRUTH, P, 1)).isEqualTo(1.0);
        int[] truth = {0, 1, 0, 1};
        double[][] p = {{0.6, 0.4}, {0.7, 0.3}, {0.4, 0.6}, {0.2, 0.8}};
        // class 1: positives 0.3, 0.8; negatives 0.4, 0.6 -> pairs won 0 + 2 of 4
        assertThat(Metrics.auc(truth, p, 1)).isEqualTo(0.5);
        assertThat(Metrics.macroAuc(truth, p, 2)).isEqualTo(0.5);
        assertThat(Metrics.auc(new int[] {0, 0}, p, 1)).isNaN();
    }

    @Test
    void bootstrapIsSeededAndBracketsTheEstimate() {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        Metrics.Interval a = Metrics.bootstrap(x.length,
                idx -> Arrays.stream(idx).mapToDouble(i -> x[i]).average().orElse(0), 500, 3);
        Metrics.Interval b = Metrics.bootstrap(x.length,
                idx -> Arrays.stream(idx).mapToDouble(i -> x[i]).average().orElse(0), 500, 3);

        assertThat(a).isEqualTo(b);
        assertThat(a.lower()).isLessThan(a.estimate());
        assertThat(a.upper()).isGreaterThan(a.estimate());
        // standard error of the mean is about 2 / sqrt(200) = 0.14; the interval is about
        // four of them wide
        assertThat(a.upper() - a.lower()).isBetween(0.35, 0.75);
    }

    @Test
    void percentileInterpolates() {
        assertThat(Metrics.percentile(new double[] {1, 2, 3, 4, 5}, 0.5)).isEqualTo(3.0);
        assertThat(Metrics.percentile(new double[] {1, 2}, 0.25)).isEqualTo(1.25);
    }
}
