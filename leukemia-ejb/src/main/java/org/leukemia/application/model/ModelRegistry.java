package org.leukemia.application.model;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.ml.DefaultModel;
import org.leukemia.ml.ModelMetadata;
import org.leukemia.ml.TrainedModel;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;

/**
 * Keeps the registered models and the one that serves predictions.
 *
 * <p>Every model is stored in the database with its Tribuo provenance and metadata, so that an
 * auditor can trace each prediction to the model that made it and to how that model was
 * trained. On first start, with no model registered, the quick-start model is trained on the
 * synthetic reference cohort and registered as version 1.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    @Inject
    private ModelVersionRepository versions;

    @Inject
    @ConfigProperty(name = ConfigKeys.MODEL_DIR)
    private Optional<String> modelDirectory;

    private volatile ActiveModel active;

    /** Model cards by version: generating one means loading the model, so keep them. */
    private final Map<Integer, String> modelCards = new ConcurrentHashMap<>();

    /** Models of versions other than the active one, loaded to explain their predictions. */
    private final Map<Integer, TrainedModel> loaded = new ConcurrentHashMap<>();

    /**
     * Loads the active model, first training and registering the default one if none exists.
     *
     * @return the version number of the model now serving predictions
     */
    @Lock(LockType.WRITE)
    public int loadActiveModel() {
        ModelVersion entry = versions.findActive().orElseGet(this::registerDefaultModel);
        TrainedModel model = TrainedModel.fromBytes(entry.getContent());
        modelCards.put(entry.getVersion(), model.modelCardMarkdown());
        active = new ActiveModel(entry.getId(), entry.getVersion(),
                entry.isSyntheticTrainingData(), model);

        LOG.info(() -> "Model version " + entry.getVersion() + " loaded: "
                + entry.getDescription());
        return entry.getVersion();
    }

    /**
     * The model serving predictions.
     *
     * @throws IllegalStateException before start-up has loaded one
     */
    @Lock(LockType.READ)
    public ActiveModel active() {
        ActiveModel current = active;
        if (current == null) {
            throw new IllegalStateException("No model is loaded yet");
        }
        return current;
    }

    /**
     * The model of a registered version, loaded once and kept: the one that made a stored
     * prediction, to explain it.
     *
     * @param version the registered version
     * @return its model
     */
    @Lock(LockType.READ)
    public TrainedModel model(ModelVersion version) {
        ActiveModel current = active;
        if (current != null && current.version() == version.getVersion()) {
            return current.model();
        }
        return loaded.computeIfAbsent(version.getVersion(),
                v -> TrainedModel.fromBytes(version.getContent()));
    }

    /** Every registered model, with its training records and provenance. */
    @Lock(LockType.READ)
    public List<ModelSummary> registeredModels() {
        return versions.findAll().stream()
                .map(v -> new ModelSummary(v.getVersion(), v.getDescription(),
                        v.getTrainingSource(), v.isSyntheticTrainingData(), v.isActive(),
                        v.getCreatedAt(), v.getTrainingDataSha256(), v.getMetadataJson(),
                        v.getProvenanceJson(), modelCard(v)))
                .toList();
    }

    private String modelCard(ModelVersion version) {
        return modelCards.computeIfAbsent(version.getVersion(),
                v -> TrainedModel.fromBytes(version.getContent()).modelCardMarkdown());
    }

    private ModelVersion registerDefaultModel() {
        LOG.info("No model is registered: training the default model on the synthetic"
                + " reference cohort");
        TrainedModel model = DefaultModel.trainOnSyntheticCohort();
        return register(model);
    }

    private ModelVersion register(TrainedModel model) {
        ModelMetadata metadata = model.metadata();
        byte[] bundle = model.toBytes();
        int number = versions.nextVersionNumber();

        ModelVersion entry = new ModelVersion(number, metadata.description(),
                metadata.trainingSource(), metadata.syntheticTrainingData(),
                metadata.trainingDataSha256(), model.provenanceJson(),
                ModelMetadataJson.write(metadata), bundle);
        versions.add(entry);
        versions.makeActive(entry);
        writeCopy(number, bundle);

        LOG.info(() -> "Registered model version " + number + " (" + metadata.trainingSource()
                + ")");
        return entry;
    }

    private void writeCopy(int number, byte[] bundle) {
        if (modelDirectory.isEmpty() || modelDirectory.get().isBlank()) {
            return;
        }
        Path file = Path.of(modelDirectory.get()).resolve("model-v" + number + ".zip");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bundle);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Could not write model version " + number + " to " + file, e);
            throw new UncheckedIOException(e);
        }
    }
}
