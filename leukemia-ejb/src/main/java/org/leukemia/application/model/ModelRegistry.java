package org.leukemia.application.model;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.codec.digest.DigestUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.ml.DefaultModel;
import org.leukemia.ml.ModelMetadata;
import org.leukemia.ml.TrainedModel;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.model.ModelVersionRepository;

/**
 * Keeps the registered models and the one that serves predictions.
 *
 * <p>Every model is stored in the database with its Tribuo provenance and metadata, so that an
 * auditor can trace each prediction to the model that made it and to how that model was
 * trained. On first start, with no model registered, the quick-start model is trained on the
 * synthetic reference cohort and registered as version 1. An administrator registers a model
 * trained elsewhere (with the command line's {@code train}) from its bundle, and may make an
 * earlier version serve again; each is in the audit trail.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());

    @Inject
    private ModelVersionRepository versions;

    @EJB
    private AuditTrail audit;

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
     * Registers a model bundle written by {@code train} (or by {@link TrainedModel#toBytes()})
     * as the next version, stored byte for byte, and makes it serve predictions from now on.
     * Predictions made before keep the version that made them.
     *
     * @param bundle the bundle's bytes
     * @return the registered model
     * @throws ModelRejectedException when the bytes are no model bundle, or this very bundle
     *     is registered already
     */
    @Lock(LockType.WRITE)
    @RolesAllowed(Roles.ADMIN)
    public ModelSummary registerBundle(byte[] bundle) {
        TrainedModel model;
        try {
            model = TrainedModel.fromBytes(bundle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A model bundle was refused", e);
            throw new ModelRejectedException("The file is not a model bundle that this"
                    + " application can read (" + e.getMessage() + "). Send the .zip that the"
                    + " command line's train writes.");
        }
        versions.findAll().stream().filter(v -> Arrays.equals(v.getContent(), bundle))
                .findFirst().ifPresent(v -> {
                    throw new ModelRejectedException("This bundle is registered already, as"
                            + " version " + v.getVersion() + ".");
                });
        Integer before = active == null ? null : active.version();
        ModelVersion entry = register(model, bundle);
        serve(entry, model);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trainingSource", entry.getTrainingSource());
        details.put("syntheticTrainingData", entry.isSyntheticTrainingData());
        details.put("trainingDataSha256", entry.getTrainingDataSha256());
        details.put("bundleSha256", DigestUtils.sha256Hex(bundle));
        details.put("bytes", bundle.length);
        details.put("replacedVersion", before);
        audit.record(AuditAction.CREATE, AuditTarget.MODEL, entry.getVersion(), details);
        return summary(entry);
    }

    /**
     * Makes a registered version serve predictions again, for example to go back from a newer
     * model.
     *
     * @param version the registered version
     * @return the model now serving
     * @throws ModelRejectedException when no such version is registered
     */
    @Lock(LockType.WRITE)
    @RolesAllowed(Roles.ADMIN)
    public ModelSummary activate(int version) {
        ModelVersion entry = versions.findByVersion(version).orElseThrow(() ->
                new ModelRejectedException("No model version " + version + " is registered."));
        Integer before = active == null ? null : active.version();
        if (!entry.isActive()) {
            versions.makeActive(entry);
            serve(entry, model(entry));
            audit.recordChange(AuditTarget.MODEL, version,
                    Map.of("servingVersion", before == null ? "none" : before),
                    Map.of("servingVersion", version));
            LOG.info(() -> "Model version " + version + " serves predictions again (was "
                    + before + ")");
        }
        return summary(entry);
    }

    /** Makes a loaded model the one that serves predictions. */
    private void serve(ModelVersion entry, TrainedModel model) {
        modelCards.put(entry.getVersion(), model.modelCardMarkdown());
        ActiveModel previous = active;
        if (previous != null) {
            loaded.put(previous.version(), previous.model()); // still explains its predictions
        }
        active = new ActiveModel(entry.getId(), entry.getVersion(),
                entry.isSyntheticTrainingData(), model);
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
        return versions.findAll().stream().map(this::summary).toList();
    }

    private ModelSummary summary(ModelVersion v) {
        return new ModelSummary(v.getVersion(), v.getDescription(), v.getTrainingSource(),
                v.isSyntheticTrainingData(), v.isActive(), v.getCreatedAt(),
                v.getTrainingDataSha256(), v.getMetadataJson(), v.getProvenanceJson(),
                modelCard(v));
    }

    private String modelCard(ModelVersion version) {
        return modelCards.computeIfAbsent(version.getVersion(),
                v -> TrainedModel.fromBytes(version.getContent()).modelCardMarkdown());
    }

    private ModelVersion registerDefaultModel() {
        LOG.info("No model is registered: training the default model on the synthetic"
                + " reference cohort");
        TrainedModel model = DefaultModel.trainOnSyntheticCohort();
        return register(model, model.toBytes());
    }

    private ModelVersion register(TrainedModel model, byte[] bundle) {
        ModelMetadata metadata = model.metadata();
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
