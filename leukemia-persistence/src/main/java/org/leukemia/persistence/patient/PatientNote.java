package org.leukemia.persistence.patient;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.user.UserAccount;

/**
 * A note a doctor adds to a patient's record. Notes are never changed or deleted: a
 * correction is a new note.
 */
@Entity
@Table(name = "patient_note")
@Access(AccessType.FIELD)
public class PatientNote {

    /** Longest note accepted. */
    public static final int MAX_BODY = 4000;

    @Id
    @TableGenerator(name = "patient_note_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "patient_note", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "patient_note_ids")
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id", nullable = false, updatable = false)
    private Patient patient;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private UserAccount author;

    @Column(name = "written_at", nullable = false, updatable = false)
    private LocalDateTime writtenAt;

    @Column(name = "body", nullable = false, updatable = false, length = MAX_BODY)
    private String body;

    /** For JPA only. */
    protected PatientNote() {
    }

    /**
     * A note written now.
     *
     * @param patient the patient it is about
     * @param author who wrote it
     * @param body the text, not blank, at most 4000 characters; surrounding blanks are dropped
     */
    public PatientNote(Patient patient, UserAccount author, String body) {
        this.patient = Checks.required(patient, "patient");
        this.author = Checks.required(author, "author");
        this.body = Checks.text(body, "body", MAX_BODY).strip();
        this.writtenAt = Timestamps.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public Patient getPatient() {
        return patient;
    }

    public UserAccount getAuthor() {
        return author;
    }

    /** When the note was written (UTC). */
    public LocalDateTime getWrittenAt() {
        return writtenAt;
    }

    public String getBody() {
        return body;
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof PatientNote that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return PatientNote.class.hashCode();
    }

    @Override
    public String toString() {
        return "PatientNote[id=" + id + "]";
    }
}
