package org.leukemia.application.upload;

/**
 * Follows an ingestion while it runs, for a progress bar; thread-safe. It is told counts only:
 * the rows it counts as done are written inside the upload's one transaction, and are
 * committed with all the others or not at all.
 */
public interface UploadProgress {

    /** Follows nothing. */
    UploadProgress NONE = new UploadProgress() {
    };

    /**
     * The file was accepted; its rows are being read, predicted and stored. Told again, from
     * the thread that reads the file, when the file announces how many rows it has.
     *
     * @param total about how many data rows it has (the file's own count, which may include
     *     title and blank rows); 0 while not known
     */
    default void rowsRead(int total) {
    }

    /** @param done how many rows have been predicted and written so far, not yet committed */
    default void rowsDone(int done) {
    }
}
