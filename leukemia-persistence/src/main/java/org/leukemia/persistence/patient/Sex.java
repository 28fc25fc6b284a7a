package org.leukemia.persistence.patient;

/** Sex of a patient as recorded by the hospital; stored by name. */
public enum Sex {
    FEMALE,
    MALE,
    /** Not recorded, or not one of the above. */
    UNKNOWN
}
