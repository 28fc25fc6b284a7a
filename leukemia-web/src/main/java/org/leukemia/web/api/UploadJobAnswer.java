package org.leukemia.web.api;

import java.time.Instant;
import org.leukemia.application.upload.UploadJob;
import org.leukemia.application.upload.UploadReport;

/**
 * A background upload as the API answers it. Fields that do not apply yet are left out.
 *
 * @param id the job's id, the last part of its address
 * @param fileName the file name as sent
 * @param state {@code READING}, {@code PREDICTING_AND_STORING}, {@code DONE} or {@code FAILED}
 * @param startedAt when it was started
 * @param rowsTotal the file's data rows; 0 until the file is read
 * @param rowsDone rows predicted and written so far (committed only once done)
 * @param uploadId the stored upload, once done
 * @param rowsStored rows stored, once done
 * @param rowsRejected rows rejected, once done
 * @param error why nothing was stored, once failed
 * @param report the row-by-row report, once done, when asked for one job
 */
public record UploadJobAnswer(String id, String fileName, UploadJob.State state,
        Instant startedAt, int rowsTotal, int rowsDone, Long uploadId, Integer rowsStored,
        Integer rowsRejected, String error, UploadAnswer report) {

    /**
     * @param job the job
     * @param report its upload's report, or {@code null} to leave it out
     * @return the answer for the job
     */
    static UploadJobAnswer of(UploadJob job, UploadReport report) {
        boolean done = job.state() == UploadJob.State.DONE;
        return new UploadJobAnswer(job.id(), job.fileName(), job.state(), job.startedAt(),
                job.rowsTotal(), job.rowsDone(), job.uploadId(),
                done ? job.rowsStored() : null, done ? job.rowsRejected() : null,
                job.failure(), UploadAnswer.of(report));
    }
}
