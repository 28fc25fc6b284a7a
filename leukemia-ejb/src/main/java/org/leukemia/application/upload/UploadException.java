package org.leukemia.application.upload;

import jakarta.ejb.ApplicationException;

/**
 * A whole upload is refused; nothing of it is stored. The message tells the doctor why and
 * what to do.
 */
@ApplicationException(rollback = true)
public class UploadException extends RuntimeException {

    /** @param message the reason, in words a doctor understands */
    public UploadException(String message) {
        super(message);
    }
}
