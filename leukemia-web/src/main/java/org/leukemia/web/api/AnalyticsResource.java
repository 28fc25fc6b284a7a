package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.leukemia.application.analytics.Analytics;
import org.leukemia.application.analytics.AnalyticsPeriod;
import org.leukemia.application.analytics.AnalyticsService;
import org.leukemia.application.export.ExportFormat;
import org.leukemia.application.export.ExportedFile;

/**
 * The analytics of the caller's patients (every patient for an auditor), as JSON or as an
 * exported file. {@code from} and {@code to} are days (2026-01-31), both included; either
 * may be left out.
 */
@Path("analytics")
@RequestScoped
public class AnalyticsResource {

    @EJB
    private AnalyticsService analytics;

    /** The figures. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Analytics get(@QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.analytics(period(from, to));
    }

    /**
     * The figures as a file to keep.
     *
     * @param format "xlsx" or "pdf"
     */
    @GET
    @Path("export")
    @Produces({ExportFormat.XLSX_TYPE, "application/pdf", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("xlsx") String format,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        ExportFormat chosen;
        try {
            chosen = ExportFormat.named(format);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        ExportedFile export = analytics.export(period(from, to), chosen);
        return Response.ok(export.content(), export.format().contentType())
                .header("Content-Disposition", Attachments.disposition(export.fileName()))
                .build();
    }

    /** The period asked for; 400 when a day is malformed or the period ends before it begins. */
    static AnalyticsPeriod period(String from, String to) {
        try {
            return new AnalyticsPeriod(day(from), day(to));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("A day is written as 2026-01-31: " + e.getParsedString());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }
}
