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

/**
 * Predicts the subtype for lab panels with the active model; each prediction names the model
 * version that made it.
 */
@Stateless
public class PredictionService {

    @Inject
    private ModelRegistry registry;

    @Inject
    private ModelVersionRepository versions;

    /**
     * Opens a predictor bound to the model active now, so that every panel of one upload is
     * predicted by the same model.
     */
    public Predictor openPredictor() {
        ActiveModel model = registry.active();
        ModelVersion version = versions.findByVersion(model.version()).orElseThrow(() ->
                new IllegalStateException("Model version " + model.version()
                        + " is not registered"));
        return new Predictor(model, version);
    }

    /** Predicts with one model and makes the predictions to store. */
    public static final class Predictor {

        private final ActiveModel model;
        private final ModelVersion version;

        private Predictor(ActiveModel model, ModelVersion version) {
            this.model = model;
            this.version = version;
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
         * The prediction to store for a panel, from what {@link #predictAll(List)} gave for
         * its values; not stored yet.
         *
         * @param panel the panel, stored or about to be
         * @param result the model's prediction for its values
         * @param notes what was done to the values on the way (unit conversions and the like)
         * @return the prediction, naming this predictor's model version
         */
        public Prediction prediction(LabPanel panel, SubtypePrediction result,
                List<String> notes) {
            return new Prediction(panel, version,
                    result.predicted().name(),
                    result.probability(Subtype.ALL),
                    result.probability(Subtype.AML),
                    result.probability(Subtype.APL),
                    result.confidence(),
                    joinNotes(notes, result.notes()),
                    new Assessment(result.confident(), result.outOfDistribution(),
                            result.withheld(), result.outOfDistributionReasons().isEmpty() ? null
                                    : String.join(" ", result.outOfDistributionReasons()),
                            Contributions.toJson(result.contributions())));
        }
    }

    private static String joinNotes(List<String> normalisation, List<String> model) {
        String joined = String.join(" ",
                Stream.concat(normalisation.stream(), model.stream()).toList());
        return joined.isEmpty() ? null : joined;
    }
}
