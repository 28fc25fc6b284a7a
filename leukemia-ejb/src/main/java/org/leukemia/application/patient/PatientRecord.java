package org.leukemia.application.patient;

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
 * @param panels the lab panels, newest first, each with its prediction
 */
public record PatientRecord(long patientId, String externalId, String sex, String owner,
        List<Panel> panels) {

    /**
     * One set of results taken together, and what the model made of it.
     *
     * @param panelId database id
     * @param receivedAt when the results were stored (UTC)
     * @param ageYears age at sampling, if known
     * @param sourceFile the uploaded file it came from, if any
     * @param sourceRow its row in that file, if any
     * @param results the values in canonical units
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
     */
    public record Result(String parameter, String label, double value, String unit) {
    }
}
