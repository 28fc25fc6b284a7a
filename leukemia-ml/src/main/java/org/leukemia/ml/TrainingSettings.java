package org.leukemia.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of the gradient-boosted tree classifier. Training with the same data and
 * the same settings gives identical probabilities.
 *
 * @param seed random seed for row and feature subsampling; default 20240501
 * @param numTrees boosting rounds (trees per class); default 200
 * @param maxDepth maximum depth of each tree; default 4
 * @param eta learning rate (shrinkage) in (0, 1]; default 0.05
 * @param subsample fraction of rows sampled for each tree, in (0, 1]; default 0.8
 * @param featureSubsample fraction of features sampled for each tree, in (0, 1]; default 0.8
 * @param minChildWeight minimum sum of instance weight (hessian) in a leaf; default 1
 * @param gamma minimum loss reduction to make a split; default 0
 * @param lambda L2 regularisation of leaf weights; default 1
 * @param alpha L1 regularisation of leaf weights; default 0
 * @param threads training threads; default 1, which keeps results reproducible everywhere
 */
public record TrainingSettings(long seed, int numTrees, int maxDepth, double eta,
        double subsample, double featureSubsample, double minChildWeight, double gamma,
        double lambda, double alpha, int threads) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 20240501L;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param seed random seed for row and feature subsampling; default 20240501
     * @param numTrees boosting rounds (trees per class); default 200
     * @param maxDepth maximum depth of each tree; default 4
     * @param eta learning rate (shrinkage) in (0, 1]; default 0.05
     * @param subsample fraction of rows sampled for each tree, in (0, 1]; default 0.8
     * @param featureSubsample fraction of features sampled for each tree, in (0, 1]; default 0.8
     * @param minChildWeight minimum sum of instance weight (hessian) in a leaf; default 1
     * @param gamma minimum loss reduction to make a split; default 0
     * @param lambda L2 regularisation of leaf weights; default 1
     * @param alpha L1 regularisation of leaf weights; default 0
     * @param threads training threads; default 1, which keeps results reproducible everywhere
     * @throws IllegalArgumentException if a component is out of range
     */
    public TrainingSettings {
        require(numTrees > 0, "numTrees must be positive");
        require(maxDepth > 0, "maxDepth must be positive");
        require(eta > 0 && eta <= 1, "eta must be in (0, 1]");
        require(subsample > 0 && subsample <= 1, "subsample must be in (0, 1]");
        require(featureSubsample > 0 && featureSubsample <= 1,
                "featureSubsample must be in (0, 1]");
        require(minChildWeight >= 0, "minChildWeight must be >= 0");
        require(gamma >= 0, "gamma must be >= 0");
        require(lambda >= 0, "lambda must be >= 0");
        require(alpha >= 0, "alpha must be >= 0");
        require(threads > 0, "threads must be positive");
    }

    /**
     * Returns the defaults documented on each component.
     *
     * @return default settings
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(DEFAULT_SEED, 200, 4, 0.05, 0.8, 0.8, 1.0, 0.0, 1.0, 0.0, 1);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param newSeed the seed
     * @return settings with the seed replaced
     */
    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(newSeed, numTrees, maxDepth, eta, subsample,
                featureSubsample, minChildWeight, gamma, lambda, alpha, threads);
    }

    /**
     * Returns a copy with another number of trees.
     *
     * @param trees boosting rounds
     * @return settings with the number of trees replaced
     */
    public TrainingSettings withNumTrees(int trees) {
        return new TrainingSettings(seed, trees, maxDepth, eta, subsample,
                featureSubsample, minChildWeight, gamma, lambda, alpha, threads);
    }

    /**
     * Returns the hyperparameters by name, for model metadata (seed excluded).
     *
     * @return ordered, unmodifiable name to value map
     */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("numTrees", Integer.toString(numTrees));
        map.put("maxDepth", Integer.toString(maxDepth));
        map.put("eta", Double.toString(eta));
        map.put("subsample", Double.toString(subsample));
        map.put("featureSubsample", Double.toString(featureSubsample));
        map.put("minChildWeight", Double.toString(minChildWeight));
        map.put("gamma", Double.toString(gamma));
        map.put("lambda", Double.toString(lambda));
        map.put("alpha", Double.toString(alpha));
        map.put("threads", Integer.toString(threads));
        return java.util.Collections.unmodifiableMap(map);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
