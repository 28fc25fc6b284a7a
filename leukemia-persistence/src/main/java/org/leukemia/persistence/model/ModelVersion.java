package org.leukemia.persistence.model;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;

/**
 * A trained classifier: the serialised bundle plus where it came from.
 *
 * <p>The version number is the business key (unique, immutable, basis of equality). A version
 * is created inactive; the application activates one at a time (see
 * {@code ModelVersionRepository#makeActive}); the database does not enforce that only one is
 * active. Predictions refer to the version that made them, so versions are retired, never
 * deleted. The bundle ({@code content}) is loaded lazily where EclipseLink weaving is on (in the
 * server); in plain Java SE it is loaded with the entity.
 */
@Entity
@Table(name = "model_version")
@Access(AccessType.FIELD)
public class ModelVersion {

    /** Longest description accepted. */
    public static final int MAX_DESCRIPTION = 1000;
    /** Longest training source accepted. */
    public static final int MAX_TRAINING_SOURCE = 255;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Id
    @TableGenerator(name = "model_version_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "model_version", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "model_version_ids")
    @Column(name = "id")
    private Long id;

    @Column(name = "version", nullable = false, unique = true, updatable = false)
    private int version;

    @Column(name = "description", length = MAX_DESCRIPTION)
    private String description;

    @Column(name = "training_source", nullable = false, updatable = false,
            length = MAX_TRAINING_SOURCE)
    private String trainingSource;

    @Column(name = "synthetic_training_data", nullable = false, updatable = false)
    private boolean syntheticTrainingData;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "training_data_sha256", nullable = false, updatable = false, length = 64)
    private String trainingDataSha256;

    @Lob
    @Column(name = "provenance_json", nullable = false, updatable = false)
    private String provenanceJson;

    @Lob
    @Column(name = "metadata_json", nullable = false, updatable = false)
    private String metadataJson;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    /** For JPA only. */
    protected ModelVersion() {
    }

    /**
     * Creates an inactive model version.
     *
     * @param version version number, positive and unique (see
     *        {@code ModelVersionRepository#nextVersionNumber})
     * @param description free text for administrators, or null
     * @param trainingSource where the training data came from, e.g. a data set name
     * @param syntheticTrainingData whether the model was trained on synthetic data, which makes
     *        it unfit for clinical use
     * @param trainingDataSha256 SHA-256 of the training data, 64 hexadecimal digits
     * @param provenanceJson JSON describing how the model was trained
     * @param metadataJson JSON the ML module needs to use the model (features, classes, ...)
     * @param content the serialised model bundle; kept as given, not copied
     */
    public ModelVersion(int version, String description, String trainingSource,
            boolean syntheticTrainingData, String trainingDataSha256, String provenanceJson,
            String metadataJson, byte[] content) {
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
        this.version = version;
        this.description = Checks.maxLength(description, "description", MAX_DESCRIPTION);
        this.trainingSource = Checks.text(trainingSource, "trainingSource", MAX_TRAINING_SOURCE);
        this.syntheticTrainingData = syntheticTrainingData;
        String hash = Checks.required(trainingDataSha256, "trainingDataSha256")
                .toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException(
                    "trainingDataSha256 must be 64 hexadecimal digits: " + trainingDataSha256);
        }
        this.trainingDataSha256 = hash;
        this.provenanceJson = Checks.required(provenanceJson, "provenanceJson");
        this.metadataJson = Checks.required(metadataJson, "metadataJson");
        this.content = Checks.required(content, "content");
        if (content.length == 0) {
            throw new IllegalArgumentException("content must not be empty");
        }
        this.createdAt = Timestamps.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    /** Free text for administrators, or null. */
    public String getDescription() {
        return description;
    }

    public String getTrainingSource() {
        return trainingSource;
    }

    /** Whether the training data were synthetic (then the model is for demonstration only). */
    public boolean isSyntheticTrainingData() {
        return syntheticTrainingData;
    }

    public boolean isActive() {
        return active;
    }

    /** When the version was stored (UTC). */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getTrainingDataSha256() {
        return trainingDataSha256;
    }

    public String getProvenanceJson() {
        return provenanceJson;
    }

    public String getMetadataJson() {
        return metadataJson;
    }

    /** The serialised model bundle; the array is shared, do not modify it. */
    public byte[] getContent() {
        return content;
    }

    /** Changes the description shown to administrators. */
    public void describe(String newDescription) {
        this.description = Checks.maxLength(newDescription, "description", MAX_DESCRIPTION);
    }

    /** Marks this version as the one to predict with; retiring the others is up to the caller. */
    public void activate() {
        this.active = true;
    }

    /** Stops predicting with this version; its predictions keep referring to it. */
    public void retire() {
        this.active = false;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ModelVersion that && version == that.version;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(version);
    }

    @Override
    public String toString() {
        return "ModelVersion[id=" + id + ", version=" + version + ", active=" + active + "]";
    }
}
