package org.leukemia.web.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.leukemia.application.upload.TemplateWorkbook;
import org.leukemia.application.upload.UploadReport;
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

    /** The template workbook with the expected columns and units. */
    @GET
    @Path("template")
    @Produces(XLSX)
    public Response template() {
        return Response.ok(TemplateWorkbook.create(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"leukemia-template.xlsx\"")
                .build();
    }
}
