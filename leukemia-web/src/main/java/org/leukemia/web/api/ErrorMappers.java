package org.leukemia.web.api;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.leukemia.application.account.AccountException;
import org.leukemia.application.patient.PatientChangedException;
import org.leukemia.application.model.ModelRejectedException;
import org.leukemia.application.patient.PatientNotFoundException;
import org.leukemia.application.patient.PatientRecordException;
import org.leukemia.application.upload.Conflicts;
import org.leukemia.application.upload.UploadException;
import org.leukemia.application.upload.SavedMappingNotFoundException;
import org.leukemia.application.upload.UploadJobNotFoundException;
import org.leukemia.application.upload.UploadNotFoundException;
import org.leukemia.web.security.Refusals;

/**
 * Turns the services' refusals into HTTP answers with a JSON body {@code {"error": "..."}}.
 */
final class ErrorMappers {

    private ErrorMappers() {
    }

    /** The body of every error answer. */
    public record ApiError(String error) {
    }

    static Response answer(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(message)).build();
    }

    /** A refused upload: 400 with the reason. */
    @Provider
    public static class UploadRefused implements ExceptionMapper<UploadException> {
        @Override
        public Response toResponse(UploadException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** A refused account change: 400 with the reason. */
    @Provider
    public static class AccountRefused implements ExceptionMapper<AccountException> {
        @Override
        public Response toResponse(AccountException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** A patient the caller may not see: 404, the same as a patient that does not exist. */
    @Provider
    public static class PatientHidden implements ExceptionMapper<PatientNotFoundException> {
        @Override
        public Response toResponse(PatientNotFoundException e) {
            return answer(Response.Status.NOT_FOUND, "No such patient.");
        }
    }

    /**
     * A change of a record that is not acceptable as sent (a value, or a doctor to assign it
     * to): 400 with the reason.
     */
    @Provider
    public static class RecordChangeRefused implements ExceptionMapper<PatientRecordException> {
        @Override
        public Response toResponse(PatientRecordException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** A change made on a version of the record someone else has changed since: 409. */
    @Provider
    public static class RecordChangedMeanwhile
            implements ExceptionMapper<PatientChangedException> {
        @Override
        public Response toResponse(PatientChangedException e) {
            return answer(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** A model bundle that cannot be registered, or a version that does not exist: 400. */
    @Provider
    public static class ModelRefused implements ExceptionMapper<ModelRejectedException> {
        @Override
        public Response toResponse(ModelRejectedException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** An upload the caller may not see: 404, the same as an upload that does not exist. */
    @Provider
    public static class UploadHidden implements ExceptionMapper<UploadNotFoundException> {
        @Override
        public Response toResponse(UploadNotFoundException e) {
            return answer(Response.Status.NOT_FOUND, "No such upload.");
        }
    }

    /** A saved mapping the caller may not see: 404, the same as one that does not exist. */
    @Provider
    public static class SavedMappingHidden
            implements ExceptionMapper<SavedMappingNotFoundException> {
        @Override
        public Response toResponse(SavedMappingNotFoundException e) {
            return answer(Response.Status.NOT_FOUND, "No such saved mapping.");
        }
    }

    /** An upload job the caller may not see: 404, the same as a job that does not exist. */
    @Provider
    public static class UploadJobHidden implements ExceptionMapper<UploadJobNotFoundException> {
        @Override
        public Response toResponse(UploadJobNotFoundException e) {
            return answer(Response.Status.NOT_FOUND, "No such upload job.");
        }
    }

    /**
     * A call the caller's role does not allow: 403, recorded in the audit trail. Any other failure of a service: 500, with
     * the details in the server log and not in the answer.
     */
    @Provider
    public static class ServiceFailed implements ExceptionMapper<EJBException> {
        private static final Logger LOG = Logger.getLogger(ServiceFailed.class.getName());

        @Context
        private HttpServletRequest request;

        @Override
        public Response toResponse(EJBException e) {
            if (e instanceof EJBAccessException || e instanceof AccessLocalException) {
                Refusals.roleRefused(request);
                return answer(Response.Status.FORBIDDEN, "Your role does not allow this.");
            }
            if (Conflicts.isConflict(e)) {
                LOG.log(Level.INFO, "A service call met a concurrent conflicting write: {0}",
                        e.toString());
                return answer(Response.Status.CONFLICT, Conflicts.MESSAGE);
            }
            LOG.log(Level.SEVERE, "A service call failed", e);
            return answer(Response.Status.INTERNAL_SERVER_ERROR,
                    "The request failed on the server; the administrator can find why in the"
                            + " server log.");
        }
    }

    /**
     * Refusals by the JAX-RS runtime itself (unknown path, malformed id, wrong media type,
     * missing multipart field): their own status, with a JSON body.
     */
    @Provider
    public static class RequestRefused implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response.StatusType status = e.getResponse().getStatusInfo();
            String message = e instanceof BadRequestException && e.getMessage() != null
                    && !e.getMessage().startsWith("HTTP ") ? e.getMessage()
                    : status.getReasonPhrase();
            return Response.status(status).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError(message)).build();
        }
    }

    /** A request body that is not the JSON expected: 400. */
    @Provider
    public static class MalformedJson implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return answer(Response.Status.BAD_REQUEST, "The request body is not valid JSON"
                    + " of the expected form.");
        }
    }
}
