package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadJobsTest {

    private Instant now = Instant.parse("2025-03-12T09:00:00Z");
    private final UploadJobs jobs = new UploadJobs(() -> now, Duration.ofHours(1));

    @Test
    void aFileThatCountedItsRowsWrongEndsWithTheRowsReadAndOneThatDidNotStaysUncounted() {
        RunningUpload overcounted = jobs.register("drsmith", "titles.xlsx");
        RunningUpload uncounted = jobs.register("drsmith", "no-dimension.xlsx");

        overcounted.rowsRead(5); // three patients, a title row and a blank row
        overcounted.rowsDone(3);
        UploadJob overcountedRunning = overcounted.snapshot();
        overcounted.succeeded(report(7, 3, 0));
        uncounted.rowsRead(0);
        uncounted.rowsDone(500);
        UploadJob uncountedRunning = uncounted.snapshot();

        assertThat(overcountedRunning.rowsTotal()).isEqualTo(5);
        assertThat(overcounted.snapshot().rowsTotal()).isEqualTo(3);
        assertThat(overcounted.snapshot().rowsDone()).isEqualTo(3);
        assertThat(uncountedRunning.rowsTotal()).as("not known: no bar at 100 %").isZero();
        assertThat(uncountedRunning.rowsDone()).isEqualTo(500);
    }

    @Test
    void aJobMovesFromReadingThroughItsChunksToDone() {
        RunningUpload job = jobs.register("drsmith", "results.xlsx");
        UploadJob reading = job.snapshot();

        job.rowsRead(1200);
        job.rowsDone(500);
        UploadJob storing = jobs.owned("drsmith", job.id()).snapshot();
        job.rowsDone(1000);
        job.rowsDone(1200);
        job.succeeded(report(42, 1200, 3));
        UploadJob done = job.snapshot();

        assertThat(reading.state()).isEqualTo(UploadJob.State.READING);
        assertThat(reading.rowsTotal()).isZero();
        assertThat(reading.finished()).isFalse();
        assertThat(storing.state()).isEqualTo(UploadJob.State.PREDICTING_AND_STORING);
        assertThat(storing.rowsDone()).isEqualTo(500);
        assertThat(storing.rowsTotal()).isEqualTo(1200);
        assertThat(done.state()).isEqualTo(UploadJob.State.DONE);
        assertThat(done.finished()).isTrue();
        assertThat(done.rowsDone()).isEqualTo(done.rowsTotal());
        assertThat(done.uploadId()).isEqualTo(42L);
        assertThat(done.rowsStored()).isEqualTo(1197);
        assertThat(done.rowsRejected()).isEqualTo(3);
        assertThat(done.failure()).isNull();
    }

    @Test
    void aFailedJobSaysWhyAndNamesNoUpload() {
        RunningUpload job = jobs.register("drsmith", "results.xlsb");

        job.failed("Excel binary workbooks (.xlsb) cannot be read");

        assertThat(job.snapshot().state()).isEqualTo(UploadJob.State.FAILED);
        assertThat(job.snapshot().failure()).contains(".xlsb");
        assertThat(job.snapshot().uploadId()).isNull();
    }

    @Test
    void anotherDoctorAskingForTheJobIsToldThereIsNone() {
        RunningUpload job = jobs.register("drsmith", "results.xlsx");

        assertThatThrownBy(() -> jobs.owned("drjones", job.id()))
                .isInstanceOf(UploadJobNotFoundException.class);
        assertThatThrownBy(() -> jobs.owned("drsmith", "no-such-id"))
                .isInstanceOf(UploadJobNotFoundException.class);
        assertThat(jobs.ownedBy("drjones")).isEmpty();
        assertThat(jobs.owned("drsmith", job.id())).isSameAs(job);
    }

    @Test
    void aDoctorsJobsAreListedNewestFirst() {
        RunningUpload monday = jobs.register("drsmith", "monday.xlsx");
        now = now.plusSeconds(60);
        jobs.register("drjones", "other.xlsx");
        RunningUpload tuesday = jobs.register("drsmith", "tuesday.xlsx");

        assertThat(jobs.ownedBy("drsmith")).extracting(UploadJob::id)
                .containsExactly(tuesday.id(), monday.id());
    }

    @Test
    void aFinishedJobIsForgottenAnHourAfterItEndedAndARunningOneNever() {
        RunningUpload finished = jobs.register("drsmith", "small.xlsx");
        RunningUpload running = jobs.register("drsmith", "large.xlsx");
        now = now.plus(Duration.ofMinutes(10));
        finished.succeeded(report(7, 2, 0));

        now = now.plus(Duration.ofMinutes(59));
        assertThat(jobs.ownedBy("drsmith")).hasSize(2);

        now = now.plus(Duration.ofMinutes(2));
        assertThat(jobs.ownedBy("drsmith")).extracting(UploadJob::id)
                .containsExactly(running.id());
        assertThatThrownBy(() -> jobs.owned("drsmith", finished.id()))
                .isInstanceOf(UploadJobNotFoundException.class);
    }

    @Test
    void jobIdsAreRandomAndUnique() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(jobs.register("drsmith", "f" + i + ".csv").id());
        }

        assertThat(ids).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).hasSizeGreaterThanOrEqualTo(32));
    }

    private static UploadReport report(long uploadId, int rows, int rejected) {
        List<RowOutcome> outcomes = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            outcomes.add(new RowOutcome(r + 2, "P" + r, r < rejected ? RowOutcome.Status.REJECTED
                    : RowOutcome.Status.STORED, null, null, false, ""));
        }
        return new UploadReport(uploadId, "results.xlsx", "0".repeat(64), 1, true, List.of(),
                outcomes);
    }
}
