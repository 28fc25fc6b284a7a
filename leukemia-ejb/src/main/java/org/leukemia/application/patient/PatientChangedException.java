package org.leukemia.application.patient;

import jakarta.ejb.ApplicationException;

/**
 * Someone else changed the patient's record after the caller read it; the caller's change was
 * not made, so that it overwrites nothing unseen.
 */
@ApplicationException(rollback = true)
public class PatientChangedException extends RuntimeException {

    /** The message for the doctor. */
    public static final String MESSAGE = "The record was changed by someone else meanwhile;"
            + " your change was not saved. Reload the record and make it again.";

    /** Creates the refusal. */
    public PatientChangedException() {
        super(MESSAGE);
    }
}
