package org.leukemia.application.upload;

import jakarta.ejb.ApplicationException;

/**
 * No saved mapping with that id is visible to the caller: it never existed, was deleted, or is
 * another doctor's, which is reported the same way.
 */
@ApplicationException
public class SavedMappingNotFoundException extends RuntimeException {

    /** @param mappingId the id asked for */
    public SavedMappingNotFoundException(long mappingId) {
        super("No saved mapping " + mappingId);
    }
}
