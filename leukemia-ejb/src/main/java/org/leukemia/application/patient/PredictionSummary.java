package org.leukemia.application.patient;

import java.time.LocalDateTime;

/**
 * One line of the dashboard: a patient's latest-first prediction.
 *
 * @param patientId database id of the patient
 * @param externalId the hospital's identifier
 * @param predictedSubtype ALL, AML or APL
 * @param confidence probability of the predicted subtype
 * @param probabilityAll probability of ALL
 * @param probabilityAml probability of AML
 * @param probabilityApl probability of APL
 * @param modelVersion the version of the model that made the prediction
 * @param syntheticModel whether that model was trained on synthetic data only
 * @param predictedAt when the prediction was made (UTC)
 * @param confident whether the prediction lies in the model's confident zone
 * @param outsideExperience whether the input was unlike anything the model was trained on
 * @param unusualReasons why the input was unusual, or {@code null}
 * @param mostProbableSubtype the subtype with the highest probability; it differs from the
 *     predicted one when the model's decision rule weighs a rarer subtype up
 */
public record PredictionSummary(long patientId, String externalId, String predictedSubtype,
        double confidence, double probabilityAll, double probabilityAml, double probabilityApl,
        int modelVersion, boolean syntheticModel, LocalDateTime predictedAt, boolean confident,
        boolean outsideExperience, String unusualReasons, String mostProbableSubtype) {

    /** @return whether the decision rule chose another subtype than the most probable one */
    public boolean isRuleOverride() {
        return !predictedSubtype.equals(mostProbableSubtype);
    }
}
