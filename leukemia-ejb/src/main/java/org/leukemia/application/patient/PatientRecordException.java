package org.leukemia.application.patient;

import jakarta.ejb.ApplicationException;

/**
 * A change of a patient's record that cannot be made as asked (a date of birth in the future,
 * an empty note); nothing was changed. The message is for the doctor.
 */
@ApplicationException(rollback = true)
public class PatientRecordException extends RuntimeException {

    /** @param message what is wrong, in words the doctor understands */
    public PatientRecordException(String message) {
        super(message);
    }
}
