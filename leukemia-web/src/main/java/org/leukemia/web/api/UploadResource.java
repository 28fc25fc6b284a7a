package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.application.upload.ColumnChoice;
import org.leukemia.application.upload.ReceivedFile;
import org.leukemia.application.upload.SavedMappingSummary;
import org.leukemia.application.upload.TemplateWorkbook;
import org.leukemia.application.upload.UploadException;
import org.leukemia.application.upload.UploadJob;
import org.leukemia.application.upload.UploadJobs;
import org.leukemia.application.upload.UploadPreview;
import org.leukemia.application.upload.UploadReport;
import org.leukemia.application.upload.UploadReportWorkbook;
import org.leukemia.application.upload.UploadService;

/** Workbook uploads, through the same service as the upload page. */
@Path("uploads")
@RequestScoped
public class UploadResource {

    static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    private UploadService uploads;

    @EJB
    private UploadJobs jobs;

    @Inject
    @ConfigProperty(name = ConfigKeys.UPLOAD_MAX_BYTES, defaultValue = "15728640")
    private long maxBytes;

    /**
     * Ingests a file sent as the multipart field {@code file}. Its columns are read from their
     * headers (or by the caller's saved mapping for such files), unless the field
     * {@code mapping} gives the choice for each header as JSON,
     * {@code [{"header": "GB", "target": "wbc", "unit": "/mm3"}, ...]}, as the preview answers
     * them. The field {@code saveAs} saves that mapping under a laboratory name.
     *
     * @param async whether to ingest the file in the background: the answer is then
     *     {@code 202 Accepted} at once, with the job, and its address in {@code Location}
     * @return one outcome per row, or the background job
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("async") boolean async, @FormParam("file") EntityPart file,
            @FormParam("mapping") EntityPart mapping, @FormParam("saveAs") EntityPart saveAs,
            @Context UriInfo request) throws IOException {
        byte[] content = content(file);
        String name = fileName(file);
        List<ColumnChoice> choices = mapping == null ? null : choices(text(mapping));
        String laboratory = saveAs == null ? null : text(saveAs);
        if (!async) {
            return Response.ok(UploadAnswer.of(uploads.ingestWorkbook(name, content, choices,
                    laboratory))).build();
        }
        UploadJob job = jobs.start(name, content, choices, laboratory);
        return Response.accepted(UploadJobAnswer.of(job, null))
                .location(request.getAbsolutePathBuilder().path("jobs").path(job.id()).build())
                .build();
    }

    /** @return the caller's saved column mappings, most recently saved first */
    @GET
    @Path("mappings")
    @Produces(MediaType.APPLICATION_JSON)
    public List<SavedMappingSummary> mappings() {
        return uploads.savedMappings();
    }

    /**
     * Deletes one of the caller's saved column mappings.
     *
     * @param id the mapping
     * @return 204; 404 when there is no such mapping of the caller's
     */
    @DELETE
    @Path("mappings/{id}")
    public Response deleteMapping(@PathParam("id") long id) {
        uploads.deleteMapping(id);
        return Response.noContent().build();
    }

    /** @return the caller's background uploads, running or finished in the last hour */
    @GET
    @Path("jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UploadJobAnswer> myJobs() {
        return jobs.mine().stream().map(job -> UploadJobAnswer.of(job, null)).toList();
    }

    /**
     * One of the caller's background uploads: its state and how many rows are done; once
     * done, the report of the stored upload.
     *
     * @param id the job
     * @return the job as it is now
     */
    @GET
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public UploadJobAnswer job(@PathParam("id") String id) {
        UploadJob job = jobs.find(id);
        return UploadJobAnswer.of(job, job.state() == UploadJob.State.DONE
                ? uploads.report(job.uploadId()) : null);
    }

    /**
     * How a file sent as the multipart field {@code file} would be read: each header and what
     * it would be read as. Nothing is stored.
     *
     * @return the preview
     */
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public UploadPreview preview(@FormParam("file") EntityPart file) throws IOException {
        byte[] content = content(file);
        return uploads.preview(fileName(file), content);
    }

    /**
     * The file's bytes, read no further than one byte past the limit, so that an oversized
     * upload is refused without being held in memory.
     */
    private byte[] content(EntityPart file) throws IOException {
        if (file == null) {
            throw new BadRequestException("Send the file as the multipart field 'file'.");
        }
        try (InputStream content = file.getContent()) {
            byte[] bytes = content.readNBytes(
                    (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw UploadException.tooLarge(null, maxBytes);
            }
            return bytes;
        }
    }

    /**
     * The file name as the client meant it. Clients such as curl send the name's UTF-8 bytes
     * unencoded, which arrive here read as ISO-8859-1 ("rÃ©sultats.csv"); such a name is
     * decoded again as UTF-8.
     */
    static String fileName(EntityPart file) {
        String name = file.getFileName().orElse("upload.xlsx");
        if (name.chars().allMatch(c -> c < 0x100) && name.chars().anyMatch(c -> c >= 0x80)) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1)))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                return name;
            }
        }
        return name;
    }

    private static String text(EntityPart part) throws IOException {
        try (InputStream content = part.getContent()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<ColumnChoice> choices(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .map(o -> new ColumnChoice(o.getString("header"),
                            o.getString("target", ""), o.getString("unit", "")))
                    .toList();
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new BadRequestException("The field 'mapping' must be a JSON array of"
                    + " {\"header\", \"target\", \"unit\"} objects.");
        }
    }

    /**
     * The report of one of the caller's uploads as a workbook: a line per row of the file.
     *
     * @param id the upload
     * @return the .xlsx report
     */
    @GET
    @Path("{id}/report")
    @Produces(XLSX)
    public Response report(@PathParam("id") long id) {
        UploadReport report = uploads.report(id);
        return Response.ok(UploadReportWorkbook.write(report), XLSX)
                .header("Content-Disposition", Attachments.disposition(
                        "upload-" + id + "-report.xlsx"))
                .build();
    }

    /**
     * One of the caller's uploaded files, byte for byte as received.
     *
     * @param id the upload
     * @return the file, with its SHA-256 in the {@code Digest} header
     */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response file(@PathParam("id") long id) {
        ReceivedFile file = uploads.originalFile(id);
        return Response.ok(file.content(), MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", Attachments.disposition(file.fileName()))
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(file.sha256())))
                .build();
    }

    /** The template workbook with the expected columns and units. */
    @GET
    @Path("template")
    @Produces(XLSX)
    public Response template() {
        return Response.ok(TemplateWorkbook.create(), XLSX)
                .header("Content-Disposition", Attachments.disposition("leukemia-template.xlsx"))
                .build();
    }
}
