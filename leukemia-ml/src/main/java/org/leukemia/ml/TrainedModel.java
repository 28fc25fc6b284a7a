package org.leukemia.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.bundle.MetadataJson;
import org.leukemia.ml.bundle.ModelBundle;
import org.leukemia.ml.features.FeatureSchema;
import org.leukemia.ml.tribuo.XGBoostClassifier;

/**
 * A trained, servable model with its metadata and provenance. Thread-safe for
 * {@link #predict}.
 *
 * <p>Haemoglobin and RBC may be present in the values but are ignored: the model uses only
 * the features listed in {@link ModelMetadata#features()}.
 */
public final class TrainedModel {

    private final XGBoostClassifier classifier;
    private final ModelMetadata metadata;
    private final String provenanceJson;

    private TrainedModel(XGBoostClassifier classifier, ModelMetadata metadata,
            String provenanceJson) {
        this.classifier = classifier;
        this.metadata = metadata;
        this.provenanceJson = provenanceJson;
    }

    /**
     * Wraps a freshly trained classifier; used by {@link ModelTrainer}.
     *
     * @param classifier the classifier
     * @param metadata its metadata
     * @return the model
     */
    static TrainedModel of(XGBoostClassifier classifier, ModelMetadata metadata) {
        return new TrainedModel(classifier, metadata, classifier.provenanceJson());
    }

    /**
     * Predicts the subtype probabilities for one patient.
     *
     * @param values canonical values, typically from {@link Normaliser}
     * @return probabilities and notes on missing or ignored inputs and on the training data
     */
    public SubtypePrediction predict(LabValues values) {
        Objects.requireNonNull(values, "values");
        Map<Subtype, Double> probabilities = classifier.predict(values);
        return new SubtypePrediction(probabilities, notes(values));
    }

    private List<String> notes(LabValues values) {
        List<String> notes = new ArrayList<>();
        List<Parameter> missing = classifier.schema().missing(values);
        if (!missing.isEmpty()) {
            notes.add("Missing results, the prediction rests on the others: "
                    + String.join(", ", missing.stream().map(Parameter::label).toList()) + ".");
        }
        List<String> ignored = values.asMap().keySet().stream()
                .filter(p -> !classifier.schema().parameters().contains(p))
                .map(Parameter::label).toList();
        if (!ignored.isEmpty()) {
            notes.add("Not used by this model: " + String.join(", ", ignored) + ".");
        }
        if (metadata.syntheticTrainingData()) {
            notes.add("This model was trained on synthetic data, not on real patients.");
        }
        return notes;
    }

    /**
     * Returns the model's metadata.
     *
     * @return metadata
     */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Returns the Tribuo provenance of the model (trainer, hyperparameters, data source,
     * versions) as JSON text.
     *
     * @return JSON text
     */
    public String provenanceJson() {
        return provenanceJson;
    }

    /**
     * Serialises the model into a self-contained zip bundle: the Tribuo protobuf model,
     * {@code metadata.json} and {@code provenance.json}.
     *
     * @return bundle bytes
     */
    public byte[] toBytes() {
        return new ModelBundle(classifier.toBytes(), MetadataJson.write(metadata),
                provenanceJson).toZip();
    }

    /**
     * Restores a model from a bundle written by {@link #toBytes()}.
     *
     * @param bundle bundle bytes
     * @return the model
     * @throws IllegalArgumentException if the bytes are not a valid bundle
     */
    public static TrainedModel fromBytes(byte[] bundle) {
        ModelBundle content = ModelBundle.fromZip(Objects.requireNonNull(bundle, "bundle"));
        ModelMetadata metadata = MetadataJson.read(content.metadataJson());
        FeatureSchema schema = FeatureSchema.fromKeys(metadata.features());
        XGBoostClassifier classifier = XGBoostClassifier.fromBytes(content.model(), schema);
        return new TrainedModel(classifier, metadata, content.provenanceJson());
    }
}
