package org.leukemia.application.upload;

import java.io.Serializable;
import java.time.Instant;

/**
 * An upload running in the background, as its doctor sees it at one moment.
 *
 * @param id the job's random id
 * @param fileName the file name as the doctor's browser sent it
 * @param state how far it got
 * @param startedAt when the doctor started it
 * @param rowsTotal the file's data rows; 0 until the file is read
 * @param rowsDone rows predicted and written so far, in the upload's transaction
 * @param uploadId the stored upload once {@link State#DONE}; else {@code null}
 * @param rowsStored rows stored, with or without warnings, once done; else 0
 * @param rowsRejected rows rejected, once done; else 0
 * @param failure why nothing was stored, once {@link State#FAILED}; else {@code null}
 */
public record UploadJob(String id, String fileName, State state, Instant startedAt,
        int rowsTotal, int rowsDone, Long uploadId, int rowsStored, int rowsRejected,
        String failure) implements Serializable {

    /** The steps of a job, in order; it ends done or failed. */
    public enum State {
        /** The file is being checked and read. */
        READING,
        /** The rows are being predicted and written; nothing is committed yet. */
        PREDICTING_AND_STORING,
        /** Every row was committed, or reported as rejected. */
        DONE,
        /** The file was refused or the ingestion failed; nothing of it was stored. */
        FAILED
    }

    /** @return whether the job has ended, done or failed */
    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }
}
