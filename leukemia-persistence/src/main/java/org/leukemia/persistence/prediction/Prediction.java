package org.leukemia.persistence.prediction;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import java.util.Set;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.user.UserAccount;

/**
 * The subtype suggested for one lab panel by one model version.
 *
 * <p>Invariants: at most one prediction per panel; the patient is the panel's patient (kept
 * here so that lists of predictions need not go through the panel); the predicted subtype is
 * one of {@link #SUBTYPES}; probabilities and confidence lie in [0, 1]. A prediction is a
 * record of what was shown to the doctor and never changes.
 *
 * <p>Fields of the patient are copied here for the patient list, whose rows are predictions
 * scoped by owner, sorted by patient identifier and filtered by what is known of the patient
 * (see migrations V6 and V10): the hospital identifier, which never changes, and the owner, the
 * name, whether a diagnosis is confirmed and whether the patient was removed, which a new
 * prediction takes from its patient and which must follow every later change of the patient
 * ({@link PredictionRepository#followPatients}).
 */
@Entity
@Table(name = "prediction")
@Access(AccessType.FIELD)
public class Prediction {

    /** The subtypes a prediction may name. */
    public static final Set<String> SUBTYPES = Set.of("ALL", "AML", "APL");
    /** Longest notes kept; longer notes are cut. */
    public static final int MAX_NOTES = 2000;

    @Id
    // ids reserved 500 at a time: an upload stores its rows in chunks of 500
    @TableGenerator(name = "prediction_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "prediction", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "prediction_ids")
    @Column(name = "id")
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "panel_id", nullable = false, unique = true, updatable = false)
    private LabPanel panel;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id", nullable = false, updatable = false)
    private Patient patient;

    // copies of the patient's, kept in step by PredictionRepository.followPatients, which
    // writes them in SQL: never written from here after the insert
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private UserAccount owner;

    // the owner's id as a value, for conditions on the column itself (see PredictionRepository)
    @Column(name = "owner_id", insertable = false, updatable = false)
    private Long ownerId;

    @Column(name = "patient_external_id", nullable = false, updatable = false,
            length = Patient.MAX_EXTERNAL_ID)
    private String patientExternalId;

    @Column(name = "patient_name", updatable = false, length = Patient.MAX_FULL_NAME)
    private String patientName;

    @Column(name = "patient_diagnosed", nullable = false, updatable = false)
    private boolean patientDiagnosed;

    @Column(name = "patient_removed", nullable = false, updatable = false)
    private boolean patientRemoved;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "model_version_id", nullable = false, updatable = false)
    private ModelVersion modelVersion;

    @Column(name = "predicted_subtype", nullable = false, updatable = false, length = 8)
    private String predictedSubtype;

    @Column(name = "probability_all", nullable = false, updatable = false)
    private double probabilityAll;

    @Column(name = "probability_aml", nullable = false, updatable = false)
    private double probabilityAml;

    @Column(name = "probability_apl", nullable = false, updatable = false)
    private double probabilityApl;

    @Column(name = "confidence", nullable = false, updatable = false)
    private double confidence;

    @Column(name = "notes", length = MAX_NOTES, updatable = false)
    private String notes;

    @Column(name = "predicted_at", nullable = false, updatable = false)
    private LocalDateTime predictedAt;

    @Embedded
    private Assessment assessment = Assessment.NONE;

    /** For JPA only. */
    protected Prediction() {
    }

    /**
     * Creates a prediction made now; the patient is taken from the panel.
     *
     * @param panel the lab panel predicted from
     * @param modelVersion the model that predicted
     * @param predictedSubtype "ALL", "AML" or "APL"
     * @param probabilityAll probability of ALL, in [0, 1]
     * @param probabilityAml probability of AML, in [0, 1]
     * @param probabilityApl probability of APL, in [0, 1]
     * @param confidence confidence in the prediction, in [0, 1]
     * @param notes normalisation notes such as a converted unit, or null; cut to 2000
     *        characters
     */
    public Prediction(LabPanel panel, ModelVersion modelVersion, String predictedSubtype,
            double probabilityAll, double probabilityAml, double probabilityApl,
            double confidence, String notes) {
        this(panel, modelVersion, predictedSubtype, probabilityAll, probabilityAml,
                probabilityApl, confidence, notes, Assessment.NONE);
    }

    /**
     * Creates a prediction made now, with the model's assessment of it.
     *
     * @param assessment confident zone, unusual input and contributions; not null
     * @see #Prediction(LabPanel, ModelVersion, String, double, double, double, double, String)
     */
    public Prediction(LabPanel panel, ModelVersion modelVersion, String predictedSubtype,
            double probabilityAll, double probabilityAml, double probabilityApl,
            double confidence, String notes, Assessment assessment) {
        this.panel = Checks.required(panel, "panel");
        this.patient = Checks.required(panel.getPatient(), "panel.patient");
        this.owner = patient.getOwner();
        this.patientExternalId = patient.getExternalId();
        this.patientName = patient.getFullName();
        this.patientDiagnosed = patient.getConfirmedDiagnosis() != null;
        this.patientRemoved = patient.isRemoved();
        this.modelVersion = Checks.required(modelVersion, "modelVersion");
        Checks.required(predictedSubtype, "predictedSubtype");
        if (!SUBTYPES.contains(predictedSubtype)) {
            throw new IllegalArgumentException(
                    "predictedSubtype must be one of " + SUBTYPES + ": " + predictedSubtype);
        }
        this.predictedSubtype = predictedSubtype;
        this.probabilityAll = Checks.probability(probabilityAll, "probabilityAll");
        this.probabilityAml = Checks.probability(probabilityAml, "probabilityAml");
        this.probabilityApl = Checks.probability(probabilityApl, "probabilityApl");
        this.confidence = Checks.probability(confidence, "confidence");
        this.notes = Checks.truncate(notes, MAX_NOTES);
        this.predictedAt = Timestamps.nowUtc();
        this.assessment = Checks.required(assessment, "assessment");
    }

    /**
     * Takes the patient's copies again as the patient stands when this prediction is written,
     * should the patient have changed since this prediction was made.
     */
    @PrePersist
    void copyPatient() {
        owner = patient.getOwner();
        patientName = patient.getFullName();
        patientDiagnosed = patient.getConfirmedDiagnosis() != null;
        patientRemoved = patient.isRemoved();
    }

    /** @return the model's assessment of this prediction */
    public Assessment getAssessment() {
        return assessment;
    }

    public Long getId() {
        return id;
    }

    public LabPanel getPanel() {
        return panel;
    }

    public Patient getPatient() {
        return patient;
    }

    /** The owner of the patient, copied for the patient list. */
    public UserAccount getOwner() {
        return owner;
    }

    /** The patient's hospital identifier, copied for the patient list. */
    public String getPatientExternalId() {
        return patientExternalId;
    }

    /** The patient's name (or null) when this prediction was read, copied for the list. */
    public String getPatientName() {
        return patientName;
    }

    /** Whether the patient had a confirmed diagnosis when this prediction was read. */
    public boolean isPatientDiagnosed() {
        return patientDiagnosed;
    }

    /** Whether the patient was removed when this prediction was read. */
    public boolean isPatientRemoved() {
        return patientRemoved;
    }

    public ModelVersion getModelVersion() {
        return modelVersion;
    }

    /** "ALL", "AML" or "APL". */
    public String getPredictedSubtype() {
        return predictedSubtype;
    }

    public double getProbabilityAll() {
        return probabilityAll;
    }

    public double getProbabilityAml() {
        return probabilityAml;
    }

    public double getProbabilityApl() {
        return probabilityApl;
    }

    /** The probability of {@code subtype} ("ALL", "AML" or "APL"). */
    public double probabilityOf(String subtype) {
        return switch (Checks.required(subtype, "subtype")) {
            case "ALL" -> probabilityAll;
            case "AML" -> probabilityAml;
            case "APL" -> probabilityApl;
            default -> throw new IllegalArgumentException("unknown subtype: " + subtype);
        };
    }

    public double getConfidence() {
        return confidence;
    }

    /** Normalisation notes, or null. */
    public String getNotes() {
        return notes;
    }

    /** When the prediction was made (UTC). */
    public LocalDateTime getPredictedAt() {
        return predictedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof Prediction that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Prediction.class.hashCode();
    }

    @Override
    public String toString() {
        return "Prediction[id=" + id + ", subtype=" + predictedSubtype
                + ", confidence=" + confidence + "]";
    }
}
