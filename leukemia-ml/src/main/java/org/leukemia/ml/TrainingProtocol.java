package org.leukemia.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a model is trained: the candidate designs compared by stratified cross-validation
 * inside the training data, the folds, the ensemble size and the seed. The candidates are
 * every combination of {@code grid} x {@code derivedFeatures} x {@code classWeights}.
 *
 * @param grid hyperparameter candidates (their seeds are replaced by {@code seed})
 * @param derivedFeatures whether to try without and/or with the derived features
 * @param classWeights whether to try unweighted and/or prevalence-balanced example weights
 * @param folds cross-validation folds, 2 to 20; default 5
 * @param ensembleSize XGBoost members of the final model (seeds {@code seed},
 *     {@code seed + 1}, ...), 1 to 20; default 5 ({@link #standard()}) or 3
 * @param seed seed of the folds and the first member; default
 *     {@link TrainingSettings#DEFAULT_SEED}
 * @param repeats how many times the chosen design's ensemble is cross-validated, each time
 *     with other folds (fold seeds {@code seed}, {@code seed + 1}, ...), 1 to 10; the pooled
 *     out-of-fold predictions of all repeats fit the calibration, decision rule and
 *     confident zone. Default 3 ({@link #standard()}, {@link #quick()}) or 1
 */
public record TrainingProtocol(List<TrainingSettings> grid, List<Boolean> derivedFeatures,
        List<Boolean> classWeights, int folds, int ensembleSize, long seed, int repeats) {

    /** Default number of folds. */
    public static final int DEFAULT_FOLDS = 5;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param grid hyperparameter candidates
     * @param derivedFeatures feature-set options
     * @param classWeights weighting options
     * @param folds cross-validation folds
     * @param ensembleSize members of the final model
     * @param seed seed
     * @param repeats cross-validation repeats of the chosen design
     */
    public TrainingProtocol {
        grid = List.copyOf(Objects.requireNonNull(grid, "grid"));
        derivedFeatures = List.copyOf(derivedFeatures);
        classWeights = List.copyOf(classWeights);
        if (grid.isEmpty() || derivedFeatures.isEmpty() || classWeights.isEmpty()) {
            throw new IllegalArgumentException("every option list needs a value");
        }
        if (folds < 2 || folds > 20 || ensembleSize < 1 || ensembleSize > 20) {
            throw new IllegalArgumentException("folds must be 2-20 and ensembleSize 1-20");
        }
        if (repeats < 1 || repeats > 10) {
            throw new IllegalArgumentException("repeats must be 1-10");
        }
    }

    /**
     * A protocol whose chosen design is cross-validated once.
     *
     * @param grid hyperparameter candidates
     * @param derivedFeatures feature-set options
     * @param classWeights weighting options
     * @param folds cross-validation folds
     * @param ensembleSize members of the final model
     * @param seed seed
     */
    public TrainingProtocol(List<TrainingSettings> grid, List<Boolean> derivedFeatures,
            List<Boolean> classWeights, int folds, int ensembleSize, long seed) {
        this(grid, derivedFeatures, classWeights, folds, ensembleSize, seed, 1);
    }

    /**
     * The full search of the {@code train} command: depth 2, 3, 4 or 6, 150 or 300 trees
     * (learning rate 0.05), with and without derived features and class weights (32
     * designs), 5 folds, 5 members, 3 cross-validation repeats of the chosen design.
     *
     * @return the standard protocol
     */
    public static TrainingProtocol standard() {
        List<TrainingSettings> grid = new ArrayList<>();
        for (int depth : new int[] {2, 3, 4, 6}) {
            for (int trees : new int[] {150, 300}) {
                grid.add(withDepth(TrainingSettings.defaults().withNumTrees(trees), depth));
            }
        }
        return new TrainingProtocol(grid, List.of(false, true), List.of(false, true),
                DEFAULT_FOLDS, 5, TrainingSettings.DEFAULT_SEED, 3);
    }

    /**
     * A small search for tests and the quick-start model: depth 3 or 4, 200 trees, with and
     * without derived features and class weights (8 designs), 5 folds, 3 members, 3
     * cross-validation repeats of the chosen design.
     *
     * @return the quick protocol
     */
    public static TrainingProtocol quick() {
        List<TrainingSettings> grid = List.of(withDepth(TrainingSettings.defaults(), 3),
                TrainingSettings.defaults());
        return new TrainingProtocol(grid, List.of(false, true), List.of(false, true),
                DEFAULT_FOLDS, 3, TrainingSettings.DEFAULT_SEED, 3);
    }

    /**
     * One fixed design: no search, a single member, no derived features, no class weights;
     * cross-validation still fits the calibration, confident zone and decision rule.
     *
     * @param settings the hyperparameters
     * @return the protocol
     */
    public static TrainingProtocol single(TrainingSettings settings) {
        return new TrainingProtocol(List.of(settings), List.of(false), List.of(false),
                DEFAULT_FOLDS, 1, settings.seed());
    }

    private static TrainingSettings withDepth(TrainingSettings s, int depth) {
        return new TrainingSettings(s.seed(), s.numTrees(), depth, s.eta(), s.subsample(),
                s.featureSubsample(), s.minChildWeight(), s.gamma(), s.lambda(), s.alpha(),
                s.threads());
    }
}
