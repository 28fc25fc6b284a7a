package org.leukemia.persistence.analytics;

import org.leukemia.persistence.patient.Diagnosis;

/**
 * How many patients with a confirmed diagnosis had a subtype suggested by the last prediction
 * made before the diagnosis was recorded: one cell of the confusion matrix.
 *
 * @param diagnosis the confirmed diagnosis
 * @param predicted the subtype suggested, "ALL", "AML" or "APL"
 * @param patients how many patients
 */
public record AgreementCount(Diagnosis diagnosis, String predicted, long patients) {
}
