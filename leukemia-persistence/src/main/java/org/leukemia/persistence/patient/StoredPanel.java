package org.leukemia.persistence.patient;

import java.util.Map;
import java.util.Objects;

/**
 * What a panel already stored holds, and where it came from: what an upload compares a row
 * with so as not to store the same results of a patient twice.
 *
 * @param patientId the patient's id
 * @param panelId the panel's id
 * @param ageYears the age when sampled, or null
 * @param values each parameter's canonical value, by parameter key
 * @param uploadId the upload the panel was read from, or null when it was entered otherwise
 * @param fileName that upload's file name, or null
 * @param sourceRow the panel's row in that file, or null
 */
public record StoredPanel(long patientId, long panelId, Double ageYears,
        Map<String, Double> values, Long uploadId, String fileName, Integer sourceRow) {

    public StoredPanel {
        values = Map.copyOf(values);
    }

    /**
     * Whether a panel with this age and these canonical values holds the same results: every
     * value equal, none more, none fewer.
     */
    public boolean holds(Double age, Map<String, Double> results) {
        return Objects.equals(ageYears, age) && values.equals(results);
    }
}
