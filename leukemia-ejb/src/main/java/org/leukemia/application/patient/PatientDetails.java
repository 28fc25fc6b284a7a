package org.leukemia.application.patient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientNote;

/**
 * What a doctor manages on a patient's record, as it stands after a change: demographics, the
 * confirmed diagnosis, the notes, and the version to name in the next change.
 *
 * @param patientId database id
 * @param externalId the hospital's identifier
 * @param fullName the name, or null
 * @param birthDate the date of birth, or null
 * @param sex FEMALE, MALE or UNKNOWN
 * @param confirmedDiagnosis ALL, AML, APL or OTHER, or null while none is recorded
 * @param diagnosisRecordedAt when it was recorded (UTC), or null
 * @param diagnosisRecordedBy username of who recorded it, or null
 * @param version the record's version now
 * @param notes the notes, newest first
 */
public record PatientDetails(long patientId, String externalId, String fullName,
        LocalDate birthDate, String sex, String confirmedDiagnosis,
        LocalDateTime diagnosisRecordedAt, String diagnosisRecordedBy, long version,
        List<PatientRecord.Note> notes) {

    /** Copies the notes. */
    public PatientDetails {
        notes = List.copyOf(notes);
    }

    /**
     * The details of a stored patient.
     *
     * @param patient the patient, managed
     * @param notes its notes, newest first
     */
    static PatientDetails of(Patient patient, List<PatientNote> notes) {
        return new PatientDetails(patient.getId(), patient.getExternalId(),
                patient.getFullName(), patient.getBirthDate(), patient.getSex().name(),
                patient.getConfirmedDiagnosis() == null ? null
                        : patient.getConfirmedDiagnosis().name(),
                patient.getDiagnosisRecordedAt(), patient.getDiagnosisRecordedBy() == null
                        ? null : patient.getDiagnosisRecordedBy().getUsername(),
                patient.getRowVersion(), notes.stream().map(PatientDetails::note).toList());
    }

    private static PatientRecord.Note note(PatientNote n) {
        return new PatientRecord.Note(n.getId(), n.getAuthor().getUsername(), n.getWrittenAt(),
                n.getBody());
    }
}
