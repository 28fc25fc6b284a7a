package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.leukemia.application.upload.UploadException;
import org.leukemia.application.upload.UploadReport;
import org.leukemia.application.upload.UploadService;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/** The upload page: sends a workbook to the upload service and shows its row-by-row report. */
@Named
@ViewScoped
public class UploadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UploadService uploads;

    @Inject
    private FacesContext faces;

    private UploadReport report;

    /** Ingests the workbook the doctor chose. */
    public void handle(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try {
            report = uploads.ingestWorkbook(file.getFileName(), file.getContent());
            String outcome = report.storedCount() + " of " + report.rows().size()
                    + " rows stored";
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Upload finished", report.rejectedCount() == 0 ? outcome
                            : outcome + "; " + report.rejectedCount()
                                    + " rejected: see the reasons below."));
        } catch (UploadException e) {
            report = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The file was not imported", e.getMessage()));
        }
    }

    /** @return the report of the last upload on this page, or {@code null} */
    public UploadReport getReport() {
        return report;
    }
}
