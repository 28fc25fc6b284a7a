package org.leukemia.application.patient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.leukemia.application.prediction.Contributions;

/**
 * Everything a doctor sees on a patient's page.
 *
 * @param patientId database id
 * @param externalId the hospital's identifier
 * @param sex FEMALE, MALE or UNKNOWN
 * @param owner username of the doctor the patient is assigned to
 * @param fullName the patient's name, or null when not recorded
 * @param birthDate the date of birth, or null when not recorded
 * @param confirmedDiagnosis ALL, AML, APL or OTHER once confirmed, else null
 * @param diagnosisRecordedAt when the diagnosis was recorded (UTC), or null
 * @param diagnosisRecordedBy username of who recorded it, or null
 * @param version the record's version; a change must name the version it was made on
 * @param notes the doctors' notes, newest first
 * @param changeable whether the caller may change the record (the doctor it is assigned to)
 * @param panels the lab panels, newest first, each with its prediction
 */
public record PatientRecord(long patientId, String externalId, String sex, String owner,
        String fullName, LocalDate birthDate, String confirmedDiagnosis,
        LocalDateTime diagnosisRecordedAt, String diagnosisRecordedBy, long version,
        List<Note> notes, boolean changeable, List<Panel> panels) {

    /** Copies the lists. */
    public PatientRecord {
        notes = List.copyOf(notes);
        panels = List.copyOf(panels);
    }

    /**
     * The same record with the details a change returned.
     *
     * @param details the patient's details after the change
     * @return a record whose demographics, diagnosis, notes and version are those of
     *     {@code details}
     */
    public PatientRecord with(PatientDetails details) {
        return new PatientRecord(patientId, externalId, details.sex(), owner,
                details.fullName(), details.birthDate(), details.confirmedDiagnosis(),
                details.diagnosisRecordedAt(), details.diagnosisRecordedBy(), details.version(),
                details.notes(), changeable, panels);
    }

    /**
     * A note on the record.
     *
     * @param noteId database id
     * @param author username of who wrote it
     * @param writtenAt when (UTC)
     * @param body the text, as written
     */
    public record Note(long noteId, String author, LocalDateTime writtenAt, String body) {
    }

    /**
     * One set of results taken together, and what the model made of it.
     *
     * @param panelId database id
     * @param receivedAt when the results were stored (UTC)
     * @param ageYears age at sampling, if known
     * @param sourceFile the uploaded file it came from, if any
     * @param sourceRow its row in that file, if any
     * @param results the values in canonical units, with the values as received
     * @param prediction the prediction, if one was made
     * @param notes what was done to the values on the way in (unit conversions and the like)
     * @param contributions how much each parameter pushed toward each subtype, strongest
     *     first; empty when the model gave none
     */
    public record Panel(long panelId, LocalDateTime receivedAt, Double ageYears,
            String sourceFile, Integer sourceRow, List<Result> results,
            PredictionSummary prediction, String notes, List<Contributions.Line> contributions) {
    }

    /**
     * One measured value.
     *
     * @param parameter the parameter's stable key
     * @param label its name for people
     * @param value the value in the canonical unit
     * @param unit the canonical unit
     * @param receivedValue the value as the file gave it ("4500", "&lt;0.5"), or null when it
     *     was computed from others or stored before values as received were kept
     * @param receivedUnit the unit the file gave, or null
     * @param conversion what was done to this value on the way in, or an empty string
     */
    public record Result(String parameter, String label, double value, String unit,
            String receivedValue, String receivedUnit, String conversion) {
    }
}
