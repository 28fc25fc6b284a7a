package org.leukemia.application.upload;

import jakarta.ejb.ApplicationException;

/**
 * No upload with that id is visible to the caller. Another doctor's upload is reported the same
 * way as a missing one, so that a refusal does not reveal that it exists.
 */
@ApplicationException
public class UploadNotFoundException extends RuntimeException {

    /** @param uploadId the id asked for */
    public UploadNotFoundException(long uploadId) {
        super("No upload " + uploadId);
    }
}
