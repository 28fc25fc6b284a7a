package org.leukemia.application.upload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.leukemia.application.account.Roles;

/**
 * Uploads that run in the background, so that a long file does not hold the page: a doctor
 * starts one, then follows its progress by its random id until it is done or has failed.
 *
 * <p>A job is visible only to the doctor who started it; anyone else asking for its id is told
 * that there is no such job. Jobs live in this server's memory: a finished job is forgotten
 * {@link #KEPT} after it finished (its upload stays stored), and a restart forgets every job.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Roles.DOCTOR)
public class UploadJobs {

    /** How long a finished job is kept for its doctor to look at. */
    public static final Duration KEPT = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(UploadJobs.class.getName());

    @EJB
    private UploadJobRunner runner;

    @Inject
    private SecurityContext securityContext;

    private final Map<String, RunningUpload> jobs = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final Duration kept;

    /** For the container. */
    public UploadJobs() {
        this(InstantSource.system(), KEPT);
    }

    UploadJobs(InstantSource clock, Duration kept) {
        this.clock = clock;
        this.kept = kept;
    }

    /**
     * Starts ingesting a file for the calling doctor, as
     * {@link UploadService#ingestWorkbook(String, byte[], List, String)} does, and returns at
     * once. A file that is refused ends the job {@link UploadJob.State#FAILED} with the reason.
     *
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @param choices the doctor's choice for each header; {@code null}: read from the headers
     *     or by the doctor's saved mapping
     * @param saveAs a laboratory name to save the choices under; {@code null}: not saved
     * @return the job as it starts
     */
    public UploadJob start(String fileName, byte[] content, List<ColumnChoice> choices,
            String saveAs) {
        RunningUpload job = register(caller(), fileName);
        LOG.info(() -> "Upload job " + job.id() + " started by " + job.owner() + ": "
                + content.length + " bytes");
        runner.run(job, fileName, content, choices, saveAs);
        return job.snapshot();
    }

    /**
     * @param id the job's id
     * @return the calling doctor's job as it is now
     * @throws UploadJobNotFoundException when there is no such job of the caller's
     */
    public UploadJob find(String id) {
        return owned(caller(), id).snapshot();
    }

    /** @return the calling doctor's jobs, running or finished not long ago, newest first */
    public List<UploadJob> mine() {
        return ownedBy(caller());
    }

    RunningUpload register(String owner, String fileName) {
        forgetFinished();
        RunningUpload job = new RunningUpload(UUID.randomUUID().toString(), owner, fileName,
                clock);
        jobs.put(job.id(), job);
        return job;
    }

    RunningUpload owned(String owner, String id) {
        forgetFinished();
        RunningUpload job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner().equals(owner)) {
            throw new UploadJobNotFoundException(id);
        }
        return job;
    }

    List<UploadJob> ownedBy(String owner) {
        forgetFinished();
        return jobs.values().stream().filter(j -> j.owner().equals(owner))
                .map(RunningUpload::snapshot)
                .sorted(Comparator.comparing(UploadJob::startedAt).reversed())
                .toList();
    }

    /** Keeps memory bounded: drops the jobs that finished longer ago than they are kept. */
    private void forgetFinished() {
        Instant cutoff = clock.instant().minus(kept);
        jobs.values().removeIf(j -> j.finishedBefore(cutoff));
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
