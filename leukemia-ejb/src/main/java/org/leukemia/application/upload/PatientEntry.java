package org.leukemia.application.upload;

import java.util.List;
import java.util.Map;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.patient.Sex;

/**
 * A usable row: who the patient is and the values measured, in canonical units where the file
 * declared its units, otherwise as written (the normaliser then checks their plausibility).
 *
 * @param rowNumber the row number as the spreadsheet shows it
 * @param externalId the hospital's identifier for the patient
 * @param fullName the patient's name as the file gives it, or null where it gives none
 * @param sex the sex, {@link Sex#UNKNOWN} where not given
 * @param values the measured values by parameter
 * @param notes what was done to the row's values on the way (a unit converted, a censored
 *     value read as its limit, an age computed from the date of birth)
 * @param received each value as the file gave it, by parameter
 */
record PatientEntry(int rowNumber, String externalId, String fullName, Sex sex,
        Map<Parameter, Double> values, List<String> notes, Map<Parameter, Received> received) {

    /** Copies the collections. */
    PatientEntry {
        values = Map.copyOf(values);
        notes = List.copyOf(notes);
        received = Map.copyOf(received);
    }

    /**
     * A value as it stood in the file, before any conversion.
     *
     * @param text the cell's text without the unit ("4500", "&lt;0,5", "12.3 H"); for a
     *     numeric cell, the number written plainly
     * @param unit the unit the cell or else the header gave, or null when neither gave one
     */
    record Received(String text, String unit) {
    }
}
