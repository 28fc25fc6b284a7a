package org.leukemia.application.upload;

import java.util.Map;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.patient.Sex;

/**
 * A usable row: who the patient is and the values measured, still in the sheet's units.
 *
 * @param rowNumber the row number as the spreadsheet shows it
 * @param externalId the hospital's identifier for the patient
 * @param sex the sex, {@link Sex#UNKNOWN} where not given
 * @param values the measured values by parameter
 */
record PatientEntry(int rowNumber, String externalId, Sex sex, Map<Parameter, Double> values) {
}
