package org.leukemia.ml;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.training.Calibration;
import org.leukemia.ml.training.ConfidentZone;
import org.leukemia.ml.training.CvResult;
import org.leukemia.ml.training.DistributionGuard;
import org.leukemia.ml.training.RankLogisticRegression;

/**
 * What a reviewer needs to know about a trained model.
 *
 * @param description human-readable summary, stating whether the training data were synthetic
 * @param trainingSource where the training data came from (file name or generator), never a
 *     machine path
 * @param syntheticTrainingData true when the model never saw real patients
 * @param classCounts training cases per subtype
 * @param trainingDataSha256 SHA-256 (hex) of the canonical form of the training cases
 * @param hyperparameters hyperparameters by name (see {@link TrainingSettings})
 * @param seed random seed of the training
 * @param trainedAt end of training
 * @param tribuoVersion Tribuo version used for training
 * @param features input parameters ({@link Parameter#key()}) in model order
 * @param crossValidation out-of-fold figures of every candidate design, the chosen one
 *     marked
 * @param calibration temperature, bias and decision rule fitted on out-of-fold predictions
 * @param confidentCutoffs probability cut-off per subtype of the confident zone
 * @param distributionGuard out-of-distribution check fitted on the training data, or null
 * @param outOfFoldFigures figures of the final design on out-of-fold predictions, by name
 * @param linearModel rank-based logistic regression blended into the ensemble's margins, on
 *     the normal scores of the distribution guard; null for models trained before it existed
 *     or when cross-validation gave it no weight
 */
public record ModelMetadata(String description, String trainingSource,
        boolean syntheticTrainingData, Map<Subtype, Integer> classCounts,
        String trainingDataSha256, Map<String, String> hyperparameters, long seed,
        Instant trainedAt, String tribuoVersion, List<String> features,
        List<CvResult> crossValidation, Calibration calibration,
        Map<Subtype, Double> confidentCutoffs, DistributionGuard distributionGuard,
        Map<String, Double> outOfFoldFigures, RankLogisticRegression linearModel) {

    /** The lowest cut-off of the confident zone a bundle may carry: even odds. */
    public static final double MIN_CONFIDENT_CUTOFF = 0.5;

    private static final int K = Subtype.values().length;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param description human-readable summary, stating whether the training data were synthetic
     * @param trainingSource where the training data came from (file name or generator),
     *     never a machine path
     * @param syntheticTrainingData true when the model never saw real patients
     * @param classCounts training cases per subtype
     * @param trainingDataSha256 SHA-256 (hex) of the canonical form of the training cases
     * @param hyperparameters hyperparameters by name (see {@link TrainingSettings})
     * @param seed random seed of the training
     * @param trainedAt end of training
     * @param tribuoVersion Tribuo version used for training
     * @param features input parameters ({@link Parameter#key()}) in model order
     * @param crossValidation out-of-fold figures of every candidate design
     * @param calibration calibration and decision rule
     * @param confidentCutoffs probability cut-off per subtype of the confident zone
     * @param distributionGuard out-of-distribution check, or null
     * @param outOfFoldFigures figures of the final design on out-of-fold predictions
     * @param linearModel blended logistic regression, or null
     * @throws NullPointerException if a component other than the guard or the linear model
     *     is null
     * @throws IllegalArgumentException if the linear model has no guard to score its inputs,
     *     or not one coefficient per guard feature; or if the calibration, decision rule or
     *     confident zone is none that training makes (see {@link ModelTrainer})
     */
    public ModelMetadata {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trainingSource, "trainingSource");
        Objects.requireNonNull(trainingDataSha256, "trainingDataSha256");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(tribuoVersion, "tribuoVersion");
        EnumMap<Subtype, Integer> counts = new EnumMap<>(Subtype.class);
        counts.putAll(Objects.requireNonNull(classCounts, "classCounts"));
        classCounts = Collections.unmodifiableMap(counts);
        hyperparameters = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(hyperparameters, "hyperparameters")));
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        crossValidation = List.copyOf(Objects.requireNonNull(crossValidation, "crossValidation"));
        Objects.requireNonNull(calibration, "calibration");
        EnumMap<Subtype, Double> cut = new EnumMap<>(Subtype.class);
        cut.putAll(Objects.requireNonNull(confidentCutoffs, "confidentCutoffs"));
        confidentCutoffs = Collections.unmodifiableMap(cut);
        outOfFoldFigures = Collections.unmodifiableMap(
                new LinkedHashMap<>(Objects.requireNonNull(outOfFoldFigures, "figures")));
        if (linearModel != null && (distributionGuard == null || linearModel.coefficients()[0]
                .length != distributionGuard.features().size())) {
            throw new IllegalArgumentException(
                    "the logistic regression needs one coefficient per guard feature");
        }
        requireWhatTrainingMakes(syntheticTrainingData, classCounts, calibration,
                confidentCutoffs);
    }

    /**
     * Refuses records that training cannot have written, such as a bundle edited by hand to
     * decide one subtype whatever its probability, or to call every prediction confident:
     * the calibration within the ranges it is fitted in, decision weights that are those of
     * the rule they name for the recorded class counts, and cut-offs of the confident zone
     * that a suggestion below even odds never reaches (none at all for synthetic data).
     */
    private static void requireWhatTrainingMakes(boolean synthetic,
            Map<Subtype, Integer> classCounts, Calibration calibration,
            Map<Subtype, Double> cutoffs) {
        if (!(calibration.temperature() >= Calibration.MIN_TEMPERATURE
                && calibration.temperature() <= Calibration.MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("the calibration's temperature "
                    + calibration.temperature() + " lies outside what training fits ("
                    + Calibration.MIN_TEMPERATURE + " to " + Calibration.MAX_TEMPERATURE + ")");
        }
        for (double b : calibration.bias()) {
            if (!(Math.abs(b) <= Calibration.BIAS_RANGE)) {
                throw new IllegalArgumentException("the calibration's bias " + b
                        + " lies outside what training fits (within "
                        + Calibration.BIAS_RANGE + ")");
            }
        }
        double[] expected = switch (calibration.decisionRule()) {
            case Calibration.MOST_PROBABLE -> Calibration.identity(K).decisionWeights();
            case Calibration.BALANCED -> Calibration.balancedWeights(counts(classCounts));
            default -> throw new IllegalArgumentException("unknown decision rule '"
                    + calibration.decisionRule() + "'");
        };
        double[] weights = calibration.decisionWeights();
        for (int c = 0; c < K; c++) {
            if (weights.length != K || !(Math.abs(weights[c] - expected[c]) <= 1e-9)) {
                throw new IllegalArgumentException("the decision weights "
                        + Arrays.toString(weights) + " are not those of the rule '"
                        + calibration.decisionRule() + "' for the class counts " + classCounts
                        + " (" + Arrays.toString(expected) + ")");
            }
        }
        cutoffs.forEach((subtype, cut) -> {
            boolean never = cut >= ConfidentZone.NEVER;
            if (!(never || cut >= MIN_CONFIDENT_CUTOFF && cut <= 1.0)
                    || synthetic && !never) {
                throw new IllegalArgumentException("the confident zone's cut-off " + cut
                        + " for " + subtype + " is none that training chooses (at least "
                        + MIN_CONFIDENT_CUTOFF + ", or never"
                        + (synthetic ? ", and always never for synthetic training data" : "")
                        + ")");
            }
        });
    }

    private static int[] counts(Map<Subtype, Integer> classCounts) {
        int[] counts = new int[K];
        classCounts.forEach((s, n) -> counts[s.ordinal()] = n);
        return counts;
    }

    /**
     * Creates metadata without cross-validation records: identity calibration, no confident
     * zone, no out-of-distribution check.
     *
     * @param description human-readable summary
     * @param trainingSource where the training data came from
     * @param syntheticTrainingData true when the model never saw real patients
     * @param classCounts training cases per subtype
     * @param trainingDataSha256 SHA-256 (hex) of the training cases
     * @param hyperparameters hyperparameters by name
     * @param seed random seed of the training
     * @param trainedAt end of training
     * @param tribuoVersion Tribuo version used for training
     * @param features input parameters in model order
     */
    public ModelMetadata(String description, String trainingSource,
            boolean syntheticTrainingData, Map<Subtype, Integer> classCounts,
            String trainingDataSha256, Map<String, String> hyperparameters, long seed,
            Instant trainedAt, String tribuoVersion, List<String> features) {
        this(description, trainingSource, syntheticTrainingData, classCounts,
                trainingDataSha256, hyperparameters, seed, trainedAt, tribuoVersion, features,
                List.of(), Calibration.identity(Subtype.values().length), Map.of(), null,
                Map.of(), null);
    }
}
