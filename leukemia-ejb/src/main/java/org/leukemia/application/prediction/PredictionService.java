package org.leukemia.application.prediction;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.leukemia.application.model.ActiveModel;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionRepository;

/**
 * Predicts the subtype for lab panels with the active model and stores each prediction with a
 * reference to the model version that made it.
 */
@Stateless
public class PredictionService {

    @Inject
    private ModelRegistry registry;

    @Inject
    private ModelVersionRepository versions;

    @Inject
    private PredictionRepository predictions;

    /**
     * Opens a predictor bound to the model active now, so that every panel of one upload is
     * predicted by the same model.
     */
    public Predictor openPredictor() {
        ActiveModel model = registry.active();
        ModelVersion version = versions.findByVersion(model.version()).orElseThrow(() ->
                new IllegalStateException("Model version " + model.version()
                        + " is not registered"));
        return new Predictor(model, version, versions, predictions);
    }

    /** Predicts with one model and stores the results. */
    public static final class Predictor {

        private final ActiveModel model;
        private final ModelVersionRepository versions;
        private final PredictionRepository predictions;
        private ModelVersion version;

        private Predictor(ActiveModel model, ModelVersion version,
                ModelVersionRepository versions, PredictionRepository predictions) {
            this.model = model;
            this.version = version;
            this.versions = versions;
            this.predictions = predictions;
        }

        /**
         * Forgets the model version entity, after the persistence context was cleared; the
         * next prediction stored finds it again.
         */
        public void detached() {
            version = null;
        }

        /**
         * Predicts many patients at once, without storing anything and without the
         * contributions, which cost far more than the predictions: the patient record
         * computes them from the stored values when it is opened.
         *
         * @param values canonical values per patient
         * @return one prediction per patient, in order
         */
        public List<SubtypePrediction> predictAll(List<LabValues> values) {
            return model.model().predictAll(values, false);
        }

        /** @return whether the model this predictor uses was trained on synthetic patients */
        public boolean synthetic() {
            return model.model().metadata().syntheticTrainingData();
        }

        /** @return the version number of the model this predictor uses */
        public int modelVersion() {
            return model.version();
        }

        /**
         * Stores a prediction made by {@link #predictAll(List)} for a panel.
         *
         * @param panel the stored panel
         * @param result the model's prediction for its values
         * @param notes what was done to the values on the way (unit conversions and the like)
         * @return the stored prediction
         */
        public Prediction store(LabPanel panel, SubtypePrediction result, List<String> notes) {
            if (version == null) {
                version = versions.findByVersion(model.version()).orElseThrow();
            }
            Prediction prediction = new Prediction(panel, version,
                    result.predicted().name(),
                    result.probability(Subtype.ALL),
                    result.probability(Subtype.AML),
                    result.probability(Subtype.APL),
                    result.confidence(),
                    joinNotes(notes, result.notes()),
                    new Assessment(result.confident(), result.outOfDistribution(),
                            result.outOfDistributionReasons().isEmpty() ? null
                                    : String.join(" ", result.outOfDistributionReasons()),
                            Contributions.toJson(result.contributions())));
            predictions.add(prediction);
            return prediction;
        }
    }

    private static String joinNotes(List<String> normalisation, List<String> model) {
        String joined = String.join(" ",
                Stream.concat(normalisation.stream(), model.stream()).toList());
        return joined.isEmpty() ? null : joined;
    }
}
