package org.leukemia.persistence.patient;

/**
 * A diagnosis confirmed by cytology, flow cytometry and molecular tests: one of the three
 * subtypes the model suggests, or something else (another leukaemia, or none).
 */
public enum Diagnosis {
    /** Acute lymphoblastic leukaemia. */
    ALL,
    /** Acute myeloid leukaemia other than APL. */
    AML,
    /** Acute promyelocytic leukaemia. */
    APL,
    /** Any other diagnosis; the model's suggestion cannot be right. */
    OTHER
}
