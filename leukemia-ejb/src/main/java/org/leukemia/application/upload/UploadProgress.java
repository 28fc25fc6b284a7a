package org.leukemia.application.upload;

/**
 * Follows an ingestion while it runs, for a progress bar. It is told counts only: the rows it
 * counts as done are written inside the upload's one transaction, and are committed with all
 * the others or not at all.
 */
public interface UploadProgress {

    /** Follows nothing. */
    UploadProgress NONE = new UploadProgress() {
    };

    /**
     * The file was read and accepted; its rows are about to be predicted and stored.
     *
     * @param total how many data rows it has
     */
    default void rowsRead(int total) {
    }

    /** @param done how many rows have been predicted and written so far, not yet committed */
    default void rowsDone(int done) {
    }
}
