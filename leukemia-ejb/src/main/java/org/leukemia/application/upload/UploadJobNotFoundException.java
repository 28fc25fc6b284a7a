package org.leukemia.application.upload;

import jakarta.ejb.ApplicationException;

/**
 * No upload job with that id is visible to the caller: it never existed, was forgotten after
 * it finished, or is another doctor's, which is reported the same way.
 */
@ApplicationException
public class UploadJobNotFoundException extends RuntimeException {

    /** @param jobId the id asked for */
    public UploadJobNotFoundException(String jobId) {
        super("No upload job " + jobId);
    }
}
