package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.leukemia.application.patient.PatientAssignment;
import org.leukemia.application.patient.PatientAssignmentService;

/**
 * The doctor–patient mapping, for administrators (the service allows no one else): which
 * doctor a patient is assigned to, and assigning it to another.
 */
@Path("admin/patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @EJB
    private PatientAssignmentService assignments;

    /** @param doctor the username of the doctor to assign the patient to */
    public record NewDoctor(String doctor) {
    }

    /**
     * The patients known by a hospital identifier, with their doctors.
     *
     * @param identifier the identifier, exactly
     * @param doctor only this doctor's (a username), or absent for any doctor's
     */
    @GET
    public List<PatientAssignment> find(@QueryParam("identifier") String identifier,
            @QueryParam("doctor") String doctor) {
        if (identifier == null || identifier.isBlank()) {
            throw new BadRequestException("Give the hospital identifier: ?identifier=...");
        }
        return assignments.find(identifier, doctor);
    }

    /** Assigns a patient to another doctor. */
    @PUT
    @Path("{id}/doctor")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatientAssignment assign(@PathParam("id") long id, NewDoctor change) {
        if (change == null || change.doctor() == null || change.doctor().isBlank()) {
            throw new BadRequestException("Send the doctor as JSON: {\"doctor\": \"username\"}.");
        }
        return assignments.assign(id, change.doctor());
    }
}
