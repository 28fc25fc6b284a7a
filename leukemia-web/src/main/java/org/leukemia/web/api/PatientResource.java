package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PatientRecord;
import org.leukemia.application.patient.PredictionSummary;

/** The caller's patients and their predictions. */
@Path("patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private static final int MAX_PAGE = 500;

    @EJB
    private PatientQueryService patients;

    /** The caller's predictions, newest first, a page at a time. */
    @GET
    public List<PredictionSummary> list(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        return patients.dashboard(Math.max(0, first), Math.min(Math.max(1, max), MAX_PAGE));
    }

    /** One patient's record; 404 when it is not the caller's. */
    @GET
    @Path("{id}")
    public PatientRecord get(@PathParam("id") long id) {
        return patients.patientRecord(id);
    }
}
