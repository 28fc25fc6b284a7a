package org.leukemia.ml;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.leukemia.ml.features.FeatureSchema;
import org.leukemia.ml.training.TrainingDataDigest;
import org.leukemia.ml.tribuo.XGBoostClassifier;

/**
 * Trains the ALL / AML / APL classifier (XGBoost through Tribuo) on the
 * {@linkplain FeatureSchema#standard() standard features}. Deterministic: the same cases
 * and settings give identical probabilities.
 */
public final class ModelTrainer {

    private static final Logger LOG = Logger.getLogger(ModelTrainer.class.getName());

    private final TrainingSettings settings;

    /**
     * Creates a trainer.
     *
     * @param settings hyperparameters; {@link TrainingSettings#defaults()} is a good start
     */
    public ModelTrainer(TrainingSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Trains a model.
     *
     * @param cases training cases; each subtype must occur at least once
     * @param trainingSource where the cases come from (file name or generator), recorded in
     *     the metadata and provenance; never a machine path
     * @param synthetic whether the cases are synthetic rather than real patients
     * @return the trained model with its metadata
     * @throws IllegalArgumentException if the cases are empty or a subtype is absent
     */
    public TrainedModel train(List<LabeledCase> cases, String trainingSource,
            boolean synthetic) {
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(trainingSource, "trainingSource");
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no training cases");
        }
        FeatureSchema schema = FeatureSchema.standard();
        String description = description(cases.size(), trainingSource, synthetic);
        long start = System.nanoTime();
        XGBoostClassifier classifier =
                XGBoostClassifier.train(cases, schema, settings, description);
        LOG.log(Level.INFO, "Trained XGBoost on {0} cases in {1} ms",
                new Object[] {cases.size(), (System.nanoTime() - start) / 1_000_000});
        ModelMetadata metadata = new ModelMetadata(description, trainingSource, synthetic,
                classCounts(cases), TrainingDataDigest.sha256(cases), settings.asMap(),
                settings.seed(), Instant.now(), XGBoostClassifier.tribuoVersion(),
                schema.keys());
        return TrainedModel.of(classifier, metadata);
    }

    private static String description(int size, String source, boolean synthetic) {
        String data = synthetic
                ? size + " SYNTHETIC patients (not real patients) from " + source
                : size + " real patients from " + source;
        return "XGBoost classifier of acute leukaemia subtype (ALL / AML / APL) from routine"
                + " laboratory values, trained on " + data
                + ". Supports a diagnosis; never replaces one.";
    }

    private static Map<Subtype, Integer> classCounts(List<LabeledCase> cases) {
        Map<Subtype, Integer> counts = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            counts.put(s, 0);
        }
        cases.forEach(c -> counts.merge(c.diagnosis(), 1, Integer::sum));
        return counts;
    }
}
