package org.leukemia.application.model;

import jakarta.ejb.ApplicationException;

/** A model bundle an administrator sent cannot be registered; nothing was changed. */
@ApplicationException(rollback = true)
public class ModelRejectedException extends RuntimeException {

    /** @param message why, in words an administrator can act on */
    public ModelRejectedException(String message) {
        super(message);
    }
}
