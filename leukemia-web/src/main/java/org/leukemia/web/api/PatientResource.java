package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.leukemia.application.export.ExportFormat;
import org.leukemia.application.export.ExportedFile;
import org.leukemia.application.patient.PatientDetails;
import org.leukemia.application.patient.PatientQueryService;
import org.leukemia.application.patient.PatientRecord;
import org.leukemia.application.patient.PatientReport;
import org.leukemia.application.patient.PatientService;
import org.leukemia.application.patient.PredictionSummary;
import org.leukemia.persistence.patient.Diagnosis;
import org.leukemia.persistence.patient.Sex;

/**
 * The caller's patients and their predictions; the records a doctor manages, and their
 * printable reports.
 */
@Path("patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    /** The most lines of one page. */
    static final int MAX_PAGE = 500;

    @EJB
    private PatientQueryService patients;

    @EJB
    private PatientService records;

    /**
     * A page of the patient list: the caller's predictions (an auditor: everyone's), filtered
     * and sorted as the patient page does it ({@link ListParameters}); newest first by default.
     * A parameter that cannot be read or met is refused with 400 and the reason.
     *
     * @param first index of the first line, from 0 (default 0)
     * @param max lines in the page, 1 to {@value #MAX_PAGE} (default 50)
     */
    @GET
    public List<PredictionSummary> list(@QueryParam("first") String first,
            @QueryParam("max") String max, @BeanParam ListParameters filters) {
        Paging page = Paging.of(first, max, MAX_PAGE, "lines");
        return patients.patientList(filters.criteria(), filters.sort(), page.first(),
                page.max());
    }

    /**
     * The patient list with the same filters and order as a file to keep: every line the
     * list pages through (at most 10,000), with the filters, the order and the disclaimer.
     *
     * @param format "xlsx" (default) or "pdf"
     */
    @GET
    @Path("export")
    @Produces({ExportFormat.XLSX_TYPE, "application/pdf", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("xlsx") String format,
            @BeanParam ListParameters filters) {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        ExportedFile file = patients.exportPatientList(filters.criteria(), filters.sort(),
                chosen);
        return Response.ok(file.content(), file.format().contentType())
                .header("Content-Disposition", Attachments.disposition(file.fileName()))
                .build();
    }

    /** One patient's record; 404 when it is not the caller's. */
    @GET
    @Path("{id}")
    public PatientRecord get(@PathParam("id") long id) {
        return patients.patientRecord(id);
    }

    /**
     * The demographics a doctor corrects.
     *
     * @param fullName the name, or null or blank when not known
     * @param birthDate the date of birth as 2024-03-12, or null or blank when not known
     * @param sex FEMALE, MALE or UNKNOWN; null or blank when not known (UNKNOWN)
     * @param version the record's version the change was made on
     */
    public record Demographics(String fullName, String birthDate, String sex, Long version) {
    }

    /** @param body the note's text */
    public record NewNote(String body) {
    }

    /** Corrects the demographics of one of the caller's patients. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatientDetails describe(@PathParam("id") long id, Demographics change) {
        records.requireChangeRights();
        if (change == null || change.version() == null) {
            throw new BadRequestException("Send the demographics as JSON with the 'version' of"
                    + " the record you changed.");
        }
        return records.describePatient(id, change.version(), change.fullName(),
                date(change.birthDate()), sex(change.sex()));
    }

    /**
     * Records the confirmed diagnosis, or withdraws it: {@code {"diagnosis": "APL"}} or
     * {@code {"diagnosis": null}}, with the record's {@code version} where known. A body
     * without the field changes nothing and is refused, so that a misspelt field never
     * withdraws a diagnosis.
     */
    @PUT
    @Path("{id}/diagnosis")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatientDetails recordDiagnosis(@PathParam("id") long id, JsonObject change) {
        records.requireChangeRights();
        if (change == null || !change.containsKey("diagnosis")) {
            throw new BadRequestException("Send the diagnosis as JSON: {\"diagnosis\": \"APL\"},"
                    + " or {\"diagnosis\": null} to withdraw the one recorded.");
        }
        JsonValue given = change.get("diagnosis");
        Diagnosis diagnosis = switch (given.getValueType()) {
            case NULL -> null;
            case STRING -> diagnosis(((JsonString) given).getString());
            default -> throw new BadRequestException("'" + given + "' is not a diagnosis: use "
                    + Arrays.toString(Diagnosis.values()) + ", or null to withdraw it.");
        };
        JsonValue version = change.getOrDefault("version", JsonValue.NULL);
        if (version.getValueType() != JsonValue.ValueType.NULL
                && version.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new BadRequestException("'version' is the record's version, a number: "
                    + version + ".");
        }
        return records.recordDiagnosis(id, version instanceof JsonNumber number
                ? number.longValue() : null, diagnosis);
    }

    /** Adds a note; 201 with the record's details. */
    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@PathParam("id") long id, NewNote note) {
        PatientDetails details = records.addNote(id, note == null ? null : note.body());
        return Response.status(Response.Status.CREATED).entity(details).build();
    }

    /**
     * Removes one of the caller's patients (softly); 204.
     *
     * @param version the record's version the removal was decided on (409 if it changed
     *     since), or absent to remove it whatever changed; 400 if it is not a number
     */
    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") long id, @QueryParam("version") String version) {
        records.requireChangeRights();
        records.removePatient(id, ListParameters.parse("version", version, Long::valueOf,
                null));
        return Response.noContent().build();
    }

    /** The patient's printable report, as a PDF attachment. */
    @GET
    @Path("{id}/report")
    @Produces("application/pdf")
    public Response report(@PathParam("id") long id) {
        PatientReport report = patients.report(id);
        return Response.ok(report.content(), "application/pdf")
                .header("Content-Disposition", Attachments.disposition(report.fileName()))
                .build();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + text + "' is not a date: write it as"
                    + " 1961-03-14.");
        }
    }

    private static Sex sex(String text) {
        if (text == null || text.isBlank()) {
            return Sex.UNKNOWN;
        }
        try {
            return Sex.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + text + "' is not a sex: use "
                    + Arrays.toString(Sex.values()) + ".");
        }
    }

    private static Diagnosis diagnosis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Diagnosis.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + text + "' is not a diagnosis: use "
                    + Arrays.toString(Diagnosis.values()) + ", or null to withdraw it.");
        }
    }
}
