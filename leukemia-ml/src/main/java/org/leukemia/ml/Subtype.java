package org.leukemia.ml;

/** Acute leukaemia subtypes that the model distinguishes. */
public enum Subtype {
    /** Acute lymphoblastic leukaemia. */
    ALL,
    /** Acute myeloid leukaemia other than APL. */
    AML,
    /** Acute promyelocytic leukaemia, a medical emergency because of its coagulopathy. */
    APL
}
