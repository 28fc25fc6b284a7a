package org.leukemia.application.patient;

import java.time.LocalDateTime;

/**
 * One prediction as lists and records show it: a line of the patient list, or the
 * prediction of a panel in a patient's record.
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
 * @param withheld whether the model made no suggestion, as it rests on results that are
 *     missing or far beyond anything it was trained on: the predicted subtype and
 *     probabilities are then what the model gave from them, kept for the record, and must
 *     not be presented as a suggestion
 * @param mostProbableSubtype the subtype with the highest probability; it differs from the
 *     predicted one when the model's decision rule weighs a rarer subtype up
 * @param predictionId database id of the prediction
 * @param fullName the patient's name, or {@code null} when not recorded
 * @param confirmedDiagnosis the diagnosis confirmed by the specialised tests ("ALL", "AML",
 *     "APL" or "OTHER"), or {@code null} while none is recorded
 * @param uploadId the upload the panel came from, or {@code null}
 * @param uploadFileName that upload's file name, or {@code null}
 */
public record PredictionSummary(long patientId, String externalId, String predictedSubtype,
        double confidence, double probabilityAll, double probabilityAml, double probabilityApl,
        int modelVersion, boolean syntheticModel, LocalDateTime predictedAt, boolean confident,
        boolean outsideExperience, String unusualReasons, boolean withheld,
        String mostProbableSubtype,
        long predictionId, String fullName, String confirmedDiagnosis, Long uploadId,
        String uploadFileName) {

    /** What lists and exports show in place of the subtype when the suggestion is withheld. */
    public static final String NO_SUGGESTION = "none (withheld)";

    /**
     * @return the subtype of the highest of three probabilities; the suggested one when it ties
     */
    static String mostProbable(String suggested, double all, double aml, double apl) {
        double top = Math.max(all, Math.max(aml, apl));
        if (suggested.equals("ALL") && all == top || suggested.equals("AML") && aml == top
                || suggested.equals("APL") && apl == top) {
            return suggested;
        }
        return all == top ? "ALL" : aml == top ? "AML" : "APL";
    }

    /** @return whether the decision rule chose another subtype than the most probable one */
    public boolean isRuleOverride() {
        return !withheld && !predictedSubtype.equals(mostProbableSubtype);
    }
}
