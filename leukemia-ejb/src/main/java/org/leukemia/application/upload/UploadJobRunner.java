package org.leukemia.application.upload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.leukemia.application.account.Roles;

/**
 * Runs the ingestion of {@link UploadJobs}, on a thread of the container's own, with the
 * identity of the doctor who started it.
 */
@Stateless
@RolesAllowed(Roles.DOCTOR)
public class UploadJobRunner {

    /** Why a job failed, when the reason is for the administrator rather than the doctor. */
    static final String FAILED_ON_SERVER = "The upload failed on the server, and nothing of it"
            + " was stored; the administrator can find why in the server log.";

    private static final Logger LOG = Logger.getLogger(UploadJobRunner.class.getName());

    @EJB
    private UploadService uploads;

    /**
     * Ingests a file and records the outcome on its job. This method runs outside any
     * transaction, so that the ingestion's own has committed, or rolled back, before the job
     * says so.
     *
     * @param job the job to move on
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @param choices the doctor's choice for each header, or {@code null}
     * @param saveAs a laboratory name to save the choices under, or {@code null}
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(RunningUpload job, String fileName, byte[] content,
            List<ColumnChoice> choices, String saveAs) {
        try {
            job.succeeded(uploads.ingestWorkbook(fileName, content, choices, saveAs, job));
        } catch (UploadException refused) {
            job.failed(refused.getMessage());
        } catch (RuntimeException e) {
            if (Conflicts.isConflict(e)) {
                job.failed(Conflicts.MESSAGE);
            } else {
                LOG.log(Level.SEVERE, "Upload job " + job.id() + " failed", e);
                job.failed(FAILED_ON_SERVER);
            }
        }
        UploadJob end = job.snapshot();
        LOG.info(() -> "Upload job " + end.id() + " by " + job.owner() + " ended "
                + end.state() + (end.uploadId() == null ? "" : " as upload " + end.uploadId())
                + ": " + end.rowsDone() + " of " + end.rowsTotal() + " rows in "
                + job.duration().toSeconds() + " s");
    }
}
