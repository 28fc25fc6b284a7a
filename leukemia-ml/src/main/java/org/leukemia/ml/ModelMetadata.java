package org.leukemia.ml;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.training.Calibration;
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
     *     or not one coefficient per guard feature
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
