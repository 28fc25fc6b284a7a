package org.leukemia.ml.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve by the Mann-Whitney statistic: the probability that a random
 * positive scores higher than a random negative, ties counting one half (average ranks).
 */
public final class OneVsRestAuc {

    private OneVsRestAuc() {
    }

    /**
     * Computes the AUC.
     *
     * @param scores score per sample; higher means more likely positive
     * @param positive whether each sample is positive
     * @return AUC in [0, 1]
     * @throws IllegalArgumentException if lengths differ or a class is absent
     */
    public static double auc(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("one label per score needed");
        }
        double[] ranks = averageRanks(scores);
        long positives = IntStream.range(0, positive.length).filter(i -> positive[i]).count();
        long negatives = positive.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("AUC needs positives and negatives");
        }
        double positiveRankSum = IntStream.range(0, ranks.length).filter(i -> positive[i])
                .mapToDouble(i -> ranks[i]).sum();
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /**
     * Ranks values from 1, tied values sharing their average rank.
     *
     * @param values values to rank
     * @return rank of each value
     */
    static double[] averageRanks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double averageRank = (start + end) / 2.0 + 1.0;
            for (int i = start; i <= end; i++) {
                ranks[order[i]] = averageRank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
