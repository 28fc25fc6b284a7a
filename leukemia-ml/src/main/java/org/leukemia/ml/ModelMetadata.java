package org.leukemia.ml;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param features feature names ({@link Parameter#key()}) in model order
 */
public record ModelMetadata(String description, String trainingSource,
        boolean syntheticTrainingData, Map<Subtype, Integer> classCounts,
        String trainingDataSha256, Map<String, String> hyperparameters, long seed,
        Instant trainedAt, String tribuoVersion, List<String> features) {

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
     * @param features feature names ({@link Parameter#key()}) in model order
     * @throws NullPointerException if a component is null
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
    }
}
