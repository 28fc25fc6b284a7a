package org.leukemia.application.patient;

import jakarta.ejb.ApplicationException;

/**
 * A change of a patient's record that cannot be made as asked (a date of birth in the future,
 * an empty note, an assignment to an account that is not a doctor's); nothing was changed. The
 * message is for the user.
 */
@ApplicationException(rollback = true)
public class PatientRecordException extends RuntimeException {

    /** @param message what is wrong, in words the user understands */
    public PatientRecordException(String message) {
        super(message);
    }
}
