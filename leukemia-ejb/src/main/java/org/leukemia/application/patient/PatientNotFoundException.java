package org.leukemia.application.patient;

import jakarta.ejb.ApplicationException;

/**
 * No patient with that id is visible to the caller. Another doctor's patient is reported the
 * same way as a missing one, so that a refusal does not reveal that the patient exists.
 */
@ApplicationException
public class PatientNotFoundException extends RuntimeException {

    /** @param patientId the id asked for */
    public PatientNotFoundException(long patientId) {
        super("No patient " + patientId);
    }
}
