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
 * ever sees another doctor's data. No name or other direct identifier is stored. The owner
 * never changes.
 */
@Entity
@Table(name = "patient", uniqueConstraints = @UniqueConstraint(
        name = "uq_patient_owner_external", columnNames = {"owner_id", "external_id"}))
@Access(AccessType.FIELD)
public class Patient {

    /** Longest hospital identifier accepted. */
    public static final int MAX_EXTERNAL_ID = 128;

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
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private UserAccount owner;

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
