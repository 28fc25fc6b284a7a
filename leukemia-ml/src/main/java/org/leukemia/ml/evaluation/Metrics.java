package org.leukemia.ml.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Classification metrics on class indices ({@code 0..k-1}) and probability rows. All methods
 * are pure functions; they are the single place where the project computes these figures.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * Returns the index of the largest value; ties go to the lower index.
     *
     * @param row values
     * @return index of the maximum
     */
    public static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Builds the confusion matrix.
     *
     * @param truth true class per sample
     * @param predicted predicted class per sample
     * @param classes number of classes
     * @return counts, {@code [true][predicted]}
     */
    public static int[][] confusion(int[] truth, int[] predicted, int classes) {
        requireSameLength(truth.length, predicted.length);
        int[][] matrix = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            matrix[truth[i]][predicted[i]]++;
        }
        return matrix;
    }

    /**
     * Share of samples on the diagonal.
     *
     * @param confusion confusion matrix
     * @return accuracy, NaN when empty
     */
    public static double accuracy(int[][] confusion) {
        long total = 0;
        long correct = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                total += confusion[t][p];
            }
            correct += confusion[t][t];
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /**
     * Recall of one class: correct among its true samples.
     *
     * @param confusion confusion matrix
     * @param c class
     * @return recall, NaN when the class has no sample
     */
    public static double recall(int[][] confusion, int c) {
        long row = Arrays.stream(confusion[c]).asLongStream().sum();
        return row == 0 ? Double.NaN : (double) confusion[c][c] / row;
    }

    /**
     * Precision (positive predictive value) of one class: correct among its predictions.
     *
     * @param confusion confusion matrix
     * @param c class
     * @return precision, NaN when the class is never predicted
     */
    public static double precision(int[][] confusion, int c) {
        long column = 0;
        for (int[] row : confusion) {
            column += row[c];
        }
        return column == 0 ? Double.NaN : (double) confusion[c][c] / column;
    }

    /**
     * Harmonic mean of precision and recall of one class.
     *
     * @param confusion confusion matrix
     * @param c class
     * @return F1, 0 when precision and recall are both 0, NaN when either is undefined
     */
    public static double f1(int[][] confusion, int c) {
        double p = precision(confusion, c);
        double r = recall(confusion, c);
        if (Double.isNaN(p) || Double.isNaN(r)) {
            return Double.NaN;
        }
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /**
     * Mean recall over the classes that have samples.
     *
     * @param confusion confusion matrix
     * @return balanced accuracy
     */
    public static double balancedAccuracy(int[][] confusion) {
        return Arrays.stream(range(confusion.length)).mapToDouble(c -> recall(confusion, c))
                .filter(r -> !Double.isNaN(r)).average().orElse(Double.NaN);
    }

    /**
     * Multi-class Brier score: mean over samples of the squared distance between the
     * probability row and the one-hot truth (0 is perfect, 2 is the worst).
     *
     * @param truth true class per sample
     * @param probabilities probability row per sample
     * @return Brier score
     */
    public static double brier(int[] truth, double[][] probabilities) {
        requireSameLength(truth.length, probabilities.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < probabilities[i].length; c++) {
                double d = probabilities[i][c] - (truth[i] == c ? 1 : 0);
                sum += d * d;
            }
        }
        return sum / truth.length;
    }

    /**
     * Mean negative log-likelihood of the true class (probabilities floored at 1e-15).
     *
     * @param truth true class per sample
     * @param probabilities probability row per sample
     * @return log loss in nats
     */
    public static double logLoss(int[] truth, double[][] probabilities) {
        requireSameLength(truth.length, probabilities.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum -= Math.log(Math.max(1e-15, probabilities[i][truth[i]]));
        }
        return sum / truth.length;
    }

    /**
     * One-versus-rest AUC of one class.
     *
     * @param truth true class per sample
     * @param probabilities probability row per sample
     * @param c class
     * @return AUC, NaN when the class is absent or is everything
     */
    public static double auc(int[] truth, double[][] probabilities, int c) {
        double[] scores = new double[truth.length];
        boolean[] positive = new boolean[truth.length];
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            scores[i] = probabilities[i][c];
            positive[i] = truth[i] == c;
            positives += positive[i] ? 1 : 0;
        }
        if (positives == 0 || positives == truth.length) {
            return Double.NaN;
        }
        return OneVsRestAuc.auc(scores, positive);
    }

    /**
     * Unweighted mean of the one-versus-rest AUCs.
     *
     * @param truth true class per sample
     * @param probabilities probability row per sample
     * @param classes number of classes
     * @return macro AUC, NaN when a class is absent
     */
    public static double macroAuc(int[] truth, double[][] probabilities, int classes) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += auc(truth, probabilities, c);
        }
        return sum / classes;
    }

    /**
     * One bin of a reliability table.
     *
     * @param lower lower bound of predicted probability (inclusive)
     * @param upper upper bound (exclusive, except 1.0 in the last bin)
     * @param count number of (sample, class) pairs in the bin
     * @param meanPredicted mean predicted probability in the bin
     * @param observed share of those pairs where the class was the true one
     */
    public record ReliabilityBin(double lower, double upper, int count, double meanPredicted,
            double observed) {
    }

    /**
     * Reliability table over all (sample, class) pairs, in equal-width bins of predicted
     * probability: a calibrated model has observed frequency close to the mean predicted.
     *
     * @param truth true class per sample
     * @param probabilities probability row per sample
     * @param bins number of bins, at least 1
     * @return one entry per bin, empty bins included with NaN means
     */
    public static List<ReliabilityBin> reliability(int[] truth, double[][] probabilities,
            int bins) {
        requireSameLength(truth.length, probabilities.length);
        int[] count = new int[bins];
        double[] predicted = new double[bins];
        int[] hits = new int[bins];
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < probabilities[i].length; c++) {
                double p = probabilities[i][c];
                int b = Math.min(bins - 1, (int) Math.floor(p * bins));
                count[b]++;
                predicted[b] += p;
                hits[b] += truth[i] == c ? 1 : 0;
            }
        }
        List<ReliabilityBin> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            table.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : predicted[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) hits[b] / count[b]));
        }
        return table;
    }

    /**
     * Expected calibration error of a reliability table: count-weighted mean absolute gap
     * between mean predicted and observed frequency.
     *
     * @param table reliability table
     * @return the error in [0, 1]
     */
    public static double calibrationError(List<ReliabilityBin> table) {
        long total = table.stream().mapToLong(ReliabilityBin::count).sum();
        double sum = 0;
        for (ReliabilityBin bin : table) {
            if (bin.count() > 0) {
                sum += bin.count() * Math.abs(bin.meanPredicted() - bin.observed());
            }
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    /**
     * A point estimate with a percentile bootstrap interval.
     *
     * @param estimate value on the full sample
     * @param lower 2.5th percentile of the bootstrap distribution
     * @param upper 97.5th percentile of the bootstrap distribution
     */
    public record Interval(double estimate, double lower, double upper) {
    }

    /**
     * Percentile bootstrap 95 % interval of a statistic of sample indices. Resamples where
     * the statistic is NaN (for example a class absent) are skipped.
     *
     * @param n sample size
     * @param statistic statistic of a list of sample indices (with repetitions)
     * @param resamples number of resamples, for example 1000
     * @param seed random seed; the same seed gives the same interval
     * @return estimate and interval
     */
    public static Interval bootstrap(int n, ToDoubleFunction<int[]> statistic, int resamples,
            long seed) {
        double estimate = statistic.applyAsDouble(range(n));
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int kept = 0;
        int[] sample = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                sample[i] = random.nextInt(n);
            }
            double v = statistic.applyAsDouble(sample);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return new Interval(estimate, percentile(sorted, 0.025), percentile(sorted, 0.975));
    }

    /**
     * Percentile of sorted values by linear interpolation between closest ranks.
     *
     * @param sorted values in ascending order, not empty
     * @param q quantile in [0, 1]
     * @return the percentile
     */
    public static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /**
     * Selects rows of an array by index.
     *
     * @param values source values
     * @param indices indices, possibly repeated
     * @return selected values
     */
    public static int[] select(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /**
     * Selects rows of a matrix by index.
     *
     * @param rows source rows
     * @param indices indices, possibly repeated
     * @return selected rows (shared, not copied)
     */
    public static double[][] select(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static void requireSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("lengths differ: " + a + " and " + b);
        }
    }
}
