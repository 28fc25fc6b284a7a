package org.leukemia.ml;

/**
 * The product's quick-start model: XGBoost with {@link TrainingSettings#defaults()} trained on
 * {@value #PATIENTS} synthetic patients drawn with seed {@value #SEED} from the aggregate
 * statistics of the AI-PAL training cohort. It never saw a real patient and says so in its
 * metadata; replace it with a model trained on real, locally validated data.
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

    private DefaultModel() {
    }

    /**
     * Trains the quick-start model; about a second or two. The result is the same on every
     * call, apart from {@link ModelMetadata#trainedAt()}.
     *
     * @return a model whose metadata has {@code syntheticTrainingData = true}
     */
    public static TrainedModel trainOnSyntheticCohort() {
        return new ModelTrainer(TrainingSettings.defaults())
                .train(SyntheticCohort.draw(PATIENTS, SEED), TRAINING_SOURCE, true);
    }
}
