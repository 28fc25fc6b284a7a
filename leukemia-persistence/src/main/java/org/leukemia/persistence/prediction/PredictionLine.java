package org.leukemia.persistence.prediction;

import java.time.LocalDateTime;

/**
 * One line of the patient list, read as columns rather than as entities: a page needs these
 * fields only, and none of the larger ones (notes, contributions) nor the panel.
 *
 * @param predictionId the prediction's id
 * @param patientId the patient's id
 * @param externalId the hospital's identifier of the patient
 * @param fullName the patient's name, or null when not recorded
 * @param confirmedDiagnosis "ALL", "AML", "APL" or "OTHER", or null while none is recorded
 * @param predictedSubtype "ALL", "AML" or "APL"
 * @param confidence probability of the suggested subtype
 * @param probabilityAll probability of ALL
 * @param probabilityAml probability of AML
 * @param probabilityApl probability of APL
 * @param modelVersion version number of the model that predicted
 * @param syntheticModel whether that model learned from synthetic data only
 * @param predictedAt when the prediction was made (UTC)
 * @param confident whether the prediction lies in the model's confident zone
 * @param outOfDistribution whether the input was unlike the training data
 * @param unusualReasons why the input was unusual, or null
 * @param withheld whether the model made no suggestion, as it rests on results not measured
 * @param uploadId the upload the panel came from, or null
 * @param uploadFileName that upload's file name, or null
 */
public record PredictionLine(long predictionId, long patientId, String externalId,
        String fullName, String confirmedDiagnosis, String predictedSubtype, double confidence,
        double probabilityAll, double probabilityAml, double probabilityApl, int modelVersion,
        boolean syntheticModel, LocalDateTime predictedAt, boolean confident,
        boolean outOfDistribution, String unusualReasons, boolean withheld, Long uploadId,
        String uploadFileName) {
}
