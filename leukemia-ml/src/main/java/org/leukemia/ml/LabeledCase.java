package org.leukemia.ml;

import java.util.Objects;

/**
 * One patient with a confirmed diagnosis, used to train or evaluate a model.
 *
 * @param caseId identifier of the case within its cohort (never a patient identifier)
 * @param diagnosis confirmed subtype
 * @param values canonical laboratory values
 */
public record LabeledCase(String caseId, Subtype diagnosis, LabValues values) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param caseId identifier of the case within its cohort (never a patient identifier)
     * @param diagnosis confirmed subtype
     * @param values canonical laboratory values
     * @throws NullPointerException if a component is null
     */
    public LabeledCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(values, "values");
    }
}
