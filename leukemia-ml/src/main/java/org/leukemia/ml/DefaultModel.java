package org.leukemia.ml;

import java.util.List;

/**
 * The product's quick-start model, trained by the same pipeline as a real-data model
 * ({@link ModelTrainer}: cross-validated calibration, decision rule, confident zone and
 * out-of-distribution guard) with the {@link #PROTOCOL} design, on {@value #PATIENTS}
 * synthetic patients drawn with seed {@value #SEED} from the aggregate statistics of the
 * AI-PAL training cohort. It never saw a real patient and says so in its metadata; replace
 * it with a model trained on real, locally validated data.
 */
public final class DefaultModel {

    /** Size of the synthetic training cohort. */
    public static final int PATIENTS = 3000;
    /** Seed of the synthetic cohort. */
    public static final long SEED = 20240501L;
    /** Training source recorded in the metadata. */
    public static final String TRAINING_SOURCE = "SYNTHETIC cohort of " + PATIENTS
            + " patients (seed " + SEED + ") drawn from aggregate statistics of the AI-PAL"
            + " training cohort (Alcazer et al., Lancet Digit Health 2024)";
    /**
     * Protocol of the quick-start model: the default hyperparameters with derived features
     * and balanced class weights (no search, to keep start-up short), 5 folds, 3 members.
     */
    public static final TrainingProtocol PROTOCOL = new TrainingProtocol(
            List.of(TrainingSettings.defaults()), List.of(true), List.of(true),
            TrainingProtocol.DEFAULT_FOLDS, 3, TrainingSettings.DEFAULT_SEED);

    private DefaultModel() {
    }

    /** Lazily trained single instance (the model is immutable and thread-safe). */
    private static final class Holder {
        private static final TrainedModel MODEL = new ModelTrainer(PROTOCOL)
                .train(SyntheticCohort.draw(PATIENTS, SEED), TRAINING_SOURCE, true);
    }

    /**
     * Returns the quick-start model, trained on first use (some twenty seconds on two cores)
     * and shared afterwards. The result is the same in every run, apart from
     * {@link ModelMetadata#trainedAt()}.
     *
     * @return a model whose metadata has {@code syntheticTrainingData = true}
     */
    public static TrainedModel trainOnSyntheticCohort() {
        return Holder.MODEL;
    }
}
