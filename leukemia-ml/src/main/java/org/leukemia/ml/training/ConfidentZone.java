package org.leukemia.ml.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses per-class probability cut-offs on out-of-fold predictions, jointly, so that the
 * confident zone as a whole has a positive predictive value of at least the target while
 * holding as many predictions as possible.
 *
 * <p>Cut-offs chosen one class at a time waste coverage: one early error in a rare class
 * pushes that class's cut-off to the top even when the zone as a whole easily keeps its
 * precision. Here every combination of cut-offs is considered, under three constraints:
 * <ul>
 *   <li>the zone, all classes together, is correct in at least {@code ppv} of its
 *       predictions;</li>
 *   <li>each class's share of the zone is correct in at least {@link #CLASS_FLOOR} of its
 *       predictions, so that no subtype hides behind the others;</li>
 *   <li>each class's share holds at least {@value #MIN_SUPPORT} patients, or is empty.</li>
 * </ul>
 * Among the combinations that pass, the one with the most predictions wins, then the one
 * with the most correct ones, then the highest cut-offs.
 */
public final class ConfidentZone {

    /** Target positive predictive value of a confident prediction. */
    public static final double TARGET_PPV = 0.99;
    /** Lowest positive predictive value accepted for any one class inside the zone. */
    public static final double CLASS_FLOOR = 0.975;
    /** Minimum out-of-fold patients above a class's cut-off for it to be trusted. */
    public static final int MIN_SUPPORT = 10;
    /** Cut-off meaning "never confident". */
    public static final double NEVER = 1.01;

    private ConfidentZone() {
    }

    /** One possible cut-off of a class: predictions at or above it, and how many right. */
    private record Option(double cutoff, int taken, int correct) {

        double slack(double ppv) {
            return correct - ppv * taken;
        }
    }

    /**
     * Chooses cut-offs for out-of-fold predictions of a single cross-validation.
     *
     * @param probabilities out-of-fold calibrated probabilities {@code [row][class]}
     * @param decided decided class per row
     * @param truth true class per row
     * @param ppv target positive predictive value of the zone
     * @return cut-off per class; {@link #NEVER} for a class left out of the zone
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
     * @param ppv target positive predictive value of the zone
     * @param repeats cross-validation repeats pooled in the rows, at least 1
     * @return cut-off per class; {@link #NEVER} for a class left out of the zone
     */
    public static double[] cutoffs(double[][] probabilities, int[] decided, int[] truth,
            double ppv, int repeats) {
        int minSupport = MIN_SUPPORT * Math.max(1, repeats);
        int k = probabilities[0].length;
        List<List<Option>> options = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            options.add(options(probabilities, decided, truth, c, minSupport,
                    Math.min(ppv, CLASS_FLOOR)));
        }
        Option[] best = new Option[k];
        Option[] current = new Option[k];
        search(options, ppv, 0, current, best);
        double[] cut = new double[k];
        for (int c = 0; c < k; c++) {
            cut[c] = best[c].cutoff();
        }
        return cut;
    }

    /**
     * The candidate cut-offs of one class: "never", and every distinct probability of a
     * prediction decided as that class with enough support and precision at or above it.
     */
    private static List<Option> options(double[][] probabilities, int[] decided, int[] truth,
            int c, int minSupport, double floor) {
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < decided.length; i++) {
            if (decided[i] == c) {
                scored.add(new double[] {probabilities[i][c], truth[i] == c ? 1 : 0});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> s[0]).reversed());
        List<Option> options = new ArrayList<>();
        options.add(new Option(NEVER, 0, 0));
        int correct = 0;
        for (int j = 0; j < scored.size(); j++) {
            correct += (int) scored.get(j)[1];
            int taken = j + 1;
            boolean lastOfTie = taken == scored.size()
                    || scored.get(j + 1)[0] < scored.get(j)[0];
            if (lastOfTie && taken >= minSupport && correct >= floor * taken) {
                options.add(new Option(scored.get(j)[0], taken, correct));
            }
        }
        return options;
    }

    /**
     * Depth-first over the classes; for the last class, the option with the most predictions
     * among those that keep the zone on target. Options of a class are visited from the
     * highest cut-off down, so among equals the highest cut-off is kept.
     */
    private static void search(List<List<Option>> options, double ppv, int c,
            Option[] current, Option[] best) {
        int last = options.size() - 1;
        if (c == last) {
            double needed = 0;
            for (int i = 0; i < last; i++) {
                needed -= current[i].slack(ppv);
            }
            Option chosen = null;
            for (Option o : options.get(last)) {
                boolean feasible = o.slack(ppv) >= needed - 1e-9;
                if (feasible && (chosen == null || o.taken() > chosen.taken()
                        || o.taken() == chosen.taken() && o.correct() > chosen.correct())) {
                    chosen = o;
                }
            }
            if (chosen != null) {
                current[last] = chosen;
                if (better(current, best)) {
                    System.arraycopy(current, 0, best, 0, current.length);
                }
            }
            return;
        }
        for (Option o : options.get(c)) {
            current[c] = o;
            search(options, ppv, c + 1, current, best);
        }
    }

    private static boolean better(Option[] candidate, Option[] best) {
        if (best[0] == null) {
            return true;
        }
        int taken = Arrays.stream(candidate).mapToInt(Option::taken).sum();
        int bestTaken = Arrays.stream(best).mapToInt(Option::taken).sum();
        if (taken != bestTaken) {
            return taken > bestTaken;
        }
        int correct = Arrays.stream(candidate).mapToInt(Option::correct).sum();
        int bestCorrect = Arrays.stream(best).mapToInt(Option::correct).sum();
        if (correct != bestCorrect) {
            return correct > bestCorrect;
        }
        return Arrays.stream(candidate).mapToDouble(Option::cutoff).sum()
                > Arrays.stream(best).mapToDouble(Option::cutoff).sum();
    }
}
