package org.leukemia.application.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One background upload while it runs and for a while after: the ingesting thread moves it on,
 * the doctor's requests read it. Only this package changes its outcome.
 */
public final class RunningUpload implements UploadProgress {

    private final String id;
    private final String owner;
    private final String fileName;
    private final InstantSource clock;
    private final Instant startedAt;

    private UploadJob.State state = UploadJob.State.READING;
    private int rowsTotal;
    private int rowsDone;
    private Long uploadId;
    private int rowsStored;
    private int rowsRejected;
    private String failure;
    private Instant finishedAt;

    RunningUpload(String id, String owner, String fileName, InstantSource clock) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public synchronized void rowsRead(int total) {
        state = UploadJob.State.PREDICTING_AND_STORING;
        rowsTotal = total;
    }

    @Override
    public synchronized void rowsDone(int done) {
        rowsDone = done;
        if (rowsTotal > 0) {
            rowsTotal = Math.max(rowsTotal, done); // the file's own count was an estimate
        }
    }

    /** Records the committed upload. */
    synchronized void succeeded(UploadReport report) {
        state = UploadJob.State.DONE;
        rowsTotal = report.rows().size(); // the rows read, not the file's own estimate
        rowsDone = rowsTotal;
        uploadId = report.uploadId();
        rowsStored = (int) report.storedCount();
        rowsRejected = (int) report.rejectedCount();
        finishedAt = clock.instant();
    }

    /** Records why nothing was stored. */
    synchronized void failed(String reason) {
        state = UploadJob.State.FAILED;
        failure = reason;
        finishedAt = clock.instant();
    }

    /** @return whether the job finished before {@code moment}; a running job never did */
    synchronized boolean finishedBefore(Instant moment) {
        return finishedAt != null && finishedAt.isBefore(moment);
    }

    /** @return how long it ran, or has been running */
    synchronized Duration duration() {
        return Duration.between(startedAt, finishedAt == null ? clock.instant() : finishedAt);
    }

    String id() {
        return id;
    }

    /** @return the username of the doctor who started it */
    String owner() {
        return owner;
    }

    /** @return the job as it is now */
    synchronized UploadJob snapshot() {
        return new UploadJob(id, fileName, state, startedAt, rowsTotal, rowsDone, uploadId,
                rowsStored, rowsRejected, failure);
    }
}
