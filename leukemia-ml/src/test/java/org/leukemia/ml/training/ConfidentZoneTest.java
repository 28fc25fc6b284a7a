package org.leukemia.ml.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidentZoneTest {

    /** Out-of-fold predictions of two classes; the third class is never decided. */
    private record Predictions(double[][] probabilities, int[] decided, int[] truth) {

        /**
         * Class 0 decided 200 times, always right; class 1 decided 40 times with the given
         * number of errors among its most probable predictions.
         */
        static Predictions withClassOneErrors(int errors) {
            int n = 240;
            double[][] p = new double[n][];
            int[] decided = new int[n];
            int[] truth = new int[n];
            for (int i = 0; i < 200; i++) {
                double q = 0.999 - 0.002 * i;
                p[i] = new double[] {q, 1 - q, 0};
            }
            for (int j = 0; j < 40; j++) {
                int i = 200 + j;
                double q = 0.99 - 0.005 * j;
                p[i] = new double[] {1 - q, q, 0};
                decided[i] = 1;
                truth[i] = j < errors ? 0 : 1;
            }
            return new Predictions(p, decided, truth);
        }

        double[] cutoffs() {
            return ConfidentZone.cutoffs(probabilities, decided, truth, ConfidentZone.TARGET_PPV);
        }
    }

    @Test
    void aClassBelowTheTargetJoinsWhenTheZoneAsAWholeKeepsIt() {
        // class 1 alone: 39 of 40 right (97.5 %), below 99 %; the zone: 239 of 240 (99.6 %)
        double[] cut = Predictions.withClassOneErrors(1).cutoffs();

        assertThat(cut[0]).isCloseTo(0.999 - 0.002 * 199, within(1e-12));
        assertThat(cut[1]).isCloseTo(0.99 - 0.005 * 39, within(1e-12));
        assertThat(cut[2]).isEqualTo(ConfidentZone.NEVER);
    }

    @Test
    void noClassFallsBelowItsFloorEvenWhenTheZoneWouldAllowIt() {
        // class 1 at 38 of 40 (95 %) would keep the zone at 238 of 240 (99.2 %), but its
        // own precision is under the floor at every cut-off that holds 10 predictions
        double[] cut = Predictions.withClassOneErrors(2).cutoffs();

        assertThat(cut[0]).isCloseTo(0.999 - 0.002 * 199, within(1e-12));
        assertThat(cut[1]).isEqualTo(ConfidentZone.NEVER);
    }

    @Test
    void oneClassGetsTheLowestCutoffWithEnoughPrecision() {
        // class 0 decided 12 times: probabilities 0.99 .. 0.88, the 0.89 one wrong
        double[][] p = new double[12][];
        int[] decided = new int[12];
        int[] truth = new int[12];
        for (int i = 0; i < 12; i++) {
            double q = 0.99 - 0.01 * i;
            p[i] = new double[] {q, 1 - q, 0};
            truth[i] = i == 10 ? 1 : 0;
        }
        double[] cut = ConfidentZone.cutoffs(p, decided, truth, 0.9);

        // above 0.89: 10 of 10 correct; at 0.89: 10 of 11 = 0.909 >= 0.9; at 0.88: 11/12
        assertThat(cut[0]).isCloseTo(0.88, within(1e-12));
        assertThat(ConfidentZone.cutoffs(p, decided, truth, 0.99)[0])
                .isCloseTo(0.90, within(1e-12));
        assertThat(cut[1]).isEqualTo(ConfidentZone.NEVER);
    }
}
