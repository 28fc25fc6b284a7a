package org.leukemia.ml.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded stratified assignment of rows to cross-validation folds. */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /**
     * Assigns each row to one of {@code k} folds so that every class is spread evenly.
     *
     * @param labels class index per row
     * @param k number of folds, at least 2
     * @param seed random seed; the same seed gives the same folds
     * @return fold index per row
     */
    public static int[] assign(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("at least two folds needed");
        }
        Random random = new Random(seed);
        int classes = java.util.Arrays.stream(labels).max().orElse(0) + 1;
        int[] fold = new int[labels.length];
        int offset = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            for (int j = 0; j < rows.size(); j++) {
                fold[rows.get(j)] = (offset + j) % k;
            }
            offset += rows.size();
        }
        return fold;
    }
}
