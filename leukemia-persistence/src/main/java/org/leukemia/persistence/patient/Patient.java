package org.leukemia.persistence.patient;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.user.UserAccount;

/**
 * A patient as known to one doctor, the aggregate root of that patient's lab panels.
 *
 * <p>The patient is identified by the hospital's identifier ({@code externalId}) within the
 * owning doctor's patients: the pair (owner, externalId) is unique and is the business key used
 * for equality. The same hospital identifier under two doctors is two patients, so no doctor
 * ever sees another doctor's data. The owner is the doctor the patient is assigned to; an
 * administrator may assign the patient to another doctor.
 *
 * <p>A doctor may record the patient's name and date of birth, correct the sex, and record the
 * diagnosis once the specialised tests confirm it. Removal is soft: a removed patient keeps its
 * row, results and predictions, and records who removed it and when; lists and pages leave it
 * out. Concurrent changes are detected by the version column.
 */
@Entity
@Table(name = "patient", uniqueConstraints = @UniqueConstraint(
        name = "uq_patient_owner_external", columnNames = {"owner_id", "external_id"}))
@Access(AccessType.FIELD)
public class Patient {

    /** Longest hospital identifier accepted. */
    public static final int MAX_EXTERNAL_ID = 128;
    /** Longest name accepted. */
    public static final int MAX_FULL_NAME = 200;

    @Id
    // ids reserved 500 at a time: an upload stores its rows in chunks of 500
    @TableGenerator(name = "patient_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "patient", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "patient_ids")
    @Column(name = "id")
    private Long id;

    @Column(name = "external_id", nullable = false, updatable = false, length = MAX_EXTERNAL_ID)
    private String externalId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false)
    private UserAccount owner;

    @Column(name = "full_name", length = MAX_FULL_NAME)
    private String fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "confirmed_diagnosis", length = 8)
    private Diagnosis confirmedDiagnosis;

    @Column(name = "diagnosis_recorded_at")
    private LocalDateTime diagnosisRecordedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "diagnosis_recorded_by")
    private UserAccount diagnosisRecordedBy;

    @Column(name = "removed_at")
    private LocalDateTime removedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "removed_by")
    private UserAccount removedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "sex", nullable = false, length = 8)
    private Sex sex;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    /** For JPA only. */
    protected Patient() {
    }

    /**
     * Creates a patient owned by {@code owner}.
     *
     * @param externalId the hospital's identifier, not blank, at most 128 characters
     * @param owner the doctor who owns this patient
     * @param sex recorded sex; use {@link Sex#UNKNOWN} when not known
     */
    public Patient(String externalId, UserAccount owner, Sex sex) {
        this.externalId = Checks.text(externalId, "externalId", MAX_EXTERNAL_ID);
        this.owner = Checks.required(owner, "owner");
        this.sex = Checks.required(sex, "sex");
        this.createdAt = Timestamps.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public UserAccount getOwner() {
        return owner;
    }

    public Sex getSex() {
        return sex;
    }

    /** When the patient was first stored (UTC). */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    /** Whether {@code user} owns this patient. */
    public boolean isOwnedBy(UserAccount user) {
        return owner.equals(user);
    }

    /** Corrects the recorded sex, for instance when a later upload states it. */
    public void correctSex(Sex newSex) {
        this.sex = Checks.required(newSex, "sex");
    }

    /** The patient's name, or null when not recorded. */
    public String getFullName() {
        return fullName;
    }

    /** The date of birth, or null when not recorded. */
    public LocalDate getBirthDate() {
        return birthDate;
    }

    /**
     * Records the patient's name and date of birth.
     *
     * @param newFullName the name, or null (or blank) to clear it; at most 200 characters
     * @param newBirthDate the date of birth, or null to clear it; not in the future
     */
    public void describe(String newFullName, LocalDate newBirthDate) {
        String name = newFullName == null || newFullName.isBlank() ? null : newFullName.strip();
        if (newBirthDate != null && newBirthDate.isAfter(Timestamps.nowUtc().toLocalDate())) {
            throw new IllegalArgumentException("birthDate lies in the future: " + newBirthDate);
        }
        this.fullName = Checks.maxLength(name, "fullName", MAX_FULL_NAME);
        this.birthDate = newBirthDate;
    }

    /** The confirmed diagnosis, or null while none has been recorded. */
    public Diagnosis getConfirmedDiagnosis() {
        return confirmedDiagnosis;
    }

    /** When the confirmed diagnosis was recorded (UTC), or null. */
    public LocalDateTime getDiagnosisRecordedAt() {
        return diagnosisRecordedAt;
    }

    /** Who recorded the confirmed diagnosis, or null. */
    public UserAccount getDiagnosisRecordedBy() {
        return diagnosisRecordedBy;
    }

    /**
     * Records the diagnosis the specialised tests confirmed, replacing any recorded before.
     *
     * @param diagnosis the confirmed diagnosis, or null to withdraw one recorded by mistake
     * @param by who records it
     */
    public void recordDiagnosis(Diagnosis diagnosis, UserAccount by) {
        Checks.required(by, "by");
        this.confirmedDiagnosis = diagnosis;
        this.diagnosisRecordedAt = diagnosis == null ? null : Timestamps.nowUtc();
        this.diagnosisRecordedBy = diagnosis == null ? null : by;
    }

    /** Assigns the patient to another doctor. */
    public void assignTo(UserAccount doctor) {
        this.owner = Checks.required(doctor, "doctor");
    }

    /** Whether the patient was removed. */
    public boolean isRemoved() {
        return removedAt != null;
    }

    /** When the patient was removed (UTC), or null. */
    public LocalDateTime getRemovedAt() {
        return removedAt;
    }

    /** Who removed the patient, or null. */
    public UserAccount getRemovedBy() {
        return removedBy;
    }

    /**
     * Removes the patient from every list and page; the data stay.
     *
     * @throws IllegalStateException if the patient was removed already
     */
    public void remove(UserAccount by) {
        Checks.required(by, "by");
        if (isRemoved()) {
            throw new IllegalStateException(this + " was removed already");
        }
        this.removedAt = Timestamps.nowUtc();
        this.removedBy = by;
    }

    /** The version used for optimistic locking; it grows with every change. */
    public long getRowVersion() {
        return rowVersion;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Patient that
                && Objects.equals(externalId, that.externalId)
                && Objects.equals(owner, that.owner);
    }

    @Override
    public int hashCode() {
        return Objects.hash(externalId, owner);
    }

    @Override
    public String toString() {
        return "Patient[id=" + id + ", externalId=" + externalId + "]";
    }
}
