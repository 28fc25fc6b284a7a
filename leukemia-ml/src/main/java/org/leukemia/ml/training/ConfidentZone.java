package org.leukemia.ml.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses per-class probability cut-offs on out-of-fold predictions so that a prediction at
 * or above its class's cut-off had a positive predictive value of at least the target.
 */
public final class ConfidentZone {

    /** Target positive predictive value of a confident prediction. */
    public static final double TARGET_PPV = 0.99;
    /** Minimum out-of-fold predictions above a cut-off for it to be trusted. */
    public static final int MIN_SUPPORT = 10;
    /** Cut-off meaning "never confident". */
    public static final double NEVER = 1.01;

    private ConfidentZone() {
    }

    /**
     * Finds the lowest cut-off per class such that, among out-of-fold predictions decided as
     * that class with a probability at or above the cut-off, the share correct is at least
     * {@code ppv}, with at least {@value #MIN_SUPPORT} of them; otherwise {@value #NEVER}.
     *
     * @param probabilities out-of-fold calibrated probabilities {@code [row][class]}
     * @param decided decided class per row
     * @param truth true class per row
     * @param ppv target positive predictive value
     * @return cut-off per class
     */
    public static double[] cutoffs(double[][] probabilities, int[] decided, int[] truth,
            double ppv) {
        return cutoffs(probabilities, decided, truth, ppv, 1);
    }

    /**
     * Like {@link #cutoffs(double[][], int[], int[], double)} for the pooled out-of-fold
     * predictions of repeated cross-validation, where every patient appears once per repeat:
     * the minimum support is {@value #MIN_SUPPORT} patients, that is
     * {@value #MIN_SUPPORT} times {@code repeats} predictions.
     *
     * @param probabilities pooled out-of-fold calibrated probabilities {@code [row][class]}
     * @param decided decided class per row
     * @param truth true class per row
     * @param ppv target positive predictive value
     * @param repeats cross-validation repeats pooled in the rows, at least 1
     * @return cut-off per class
     */
    public static double[] cutoffs(double[][] probabilities, int[] decided, int[] truth,
            double ppv, int repeats) {
        int minSupport = MIN_SUPPORT * Math.max(1, repeats);
        int k = probabilities[0].length;
        double[] cut = new double[k];
        for (int c = 0; c < k; c++) {
            List<double[]> scored = new ArrayList<>();
            for (int i = 0; i < decided.length; i++) {
                if (decided[i] == c) {
                    scored.add(new double[] {probabilities[i][c], truth[i] == c ? 1 : 0});
                }
            }
            scored.sort((a, b) -> Double.compare(b[0], a[0]));
            cut[c] = NEVER;
            int correct = 0;
            for (int j = 0; j < scored.size(); j++) {
                correct += (int) scored.get(j)[1];
                int taken = j + 1;
                boolean lastOfTie = j + 1 == scored.size()
                        || scored.get(j + 1)[0] < scored.get(j)[0];
                if (lastOfTie && taken >= minSupport && correct >= ppv * taken) {
                    cut[c] = scored.get(j)[0];
                }
            }
        }
        return cut;
    }
}
