package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import org.leukemia.application.upload.ReceivedFile;
import org.leukemia.application.upload.TemplateWorkbook;
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

    /**
     * Ingests a workbook sent as the multipart field {@code file}.
     *
     * @return one outcome per row
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public UploadReport upload(@FormParam("file") EntityPart file) throws IOException {
        if (file == null) {
            throw new BadRequestException("Send the workbook as the multipart field 'file'.");
        }
        try (InputStream content = file.getContent()) {
            return uploads.ingestWorkbook(file.getFileName().orElse("upload.xlsx"),
                    content.readAllBytes());
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
