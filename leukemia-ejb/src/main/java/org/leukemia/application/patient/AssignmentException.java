package org.leukemia.application.patient;

import jakarta.ejb.ApplicationException;

/** An assignment that cannot be made as asked; nothing changed. The message is for the user. */
@ApplicationException(rollback = true)
public class AssignmentException extends RuntimeException {

    /** @param message why, in words the administrator understands */
    public AssignmentException(String message) {
        super(message);
    }
}
