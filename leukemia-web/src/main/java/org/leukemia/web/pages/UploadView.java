package org.leukemia.web.pages;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.leukemia.application.upload.Column;
import org.leukemia.application.upload.ColumnChoice;
import org.leukemia.application.upload.Conflicts;
import org.leukemia.application.upload.UploadException;
import org.leukemia.application.upload.UploadPreview;
import org.leukemia.application.upload.UploadReport;
import org.leukemia.application.upload.UploadService;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The upload page, in two steps: the doctor chooses a file and sees how each of its columns
 * will be read; they correct what needs correcting (and may save the mapping for the
 * laboratory's next files), then import it and read the row-by-row report.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UploadService uploads;

    @Inject
    private FacesContext faces;

    private String fileName;
    private byte[] content;
    private UploadPreview preview;
    private List<ColumnRow> columns = List.of();
    private String saveAs;
    private UploadReport report;

    /** One column of the file, as the doctor confirms or corrects it. */
    public static final class ColumnRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String header;
        private final String reading;
        private String target;
        private String unit;

        ColumnRow(UploadPreview.ColumnLine line) {
            this.header = line.header();
            this.reading = line.reading();
            this.target = line.target();
            this.unit = line.unit();
        }

        public String getHeader() {
            return header;
        }

        public String getReading() {
            return reading;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }
    }

    /** Reads the chosen file and shows how its columns will be read; nothing is stored. */
    public void handle(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        report = null;
        try {
            preview = uploads.preview(file.getFileName(), file.getContent());
            fileName = file.getFileName();
            content = file.getContent();
            columns = preview.columns().stream().map(ColumnRow::new).toList();
            saveAs = preview.savedMapping();
        } catch (UploadException e) {
            clear();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The file was not imported", e.getMessage()));
        }
    }

    /** Imports the file with the columns as confirmed. */
    public void importFile() {
        if (content == null) {
            return;
        }
        List<ColumnChoice> choices = new ArrayList<>();
        columns.forEach(c -> choices.add(new ColumnChoice(c.getHeader(), c.getTarget(),
                c.getUnit())));
        try {
            report = uploads.ingestWorkbook(fileName, content, choices, saveAs);
            String outcome = report.storedCount() + " of " + report.rows().size()
                    + " rows stored";
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Upload finished", report.rejectedCount() == 0 ? outcome
                            : outcome + "; " + report.rejectedCount()
                                    + " rejected: see the reasons below."));
            clear();
        } catch (UploadException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The file was not imported", e.getMessage()));
        } catch (EJBException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            clear();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The file was not imported", Conflicts.MESSAGE));
        }
    }

    /** Drops the chosen file without importing it. */
    public void cancel() {
        clear();
    }

    private void clear() {
        fileName = null;
        content = null;
        preview = null;
        columns = List.of();
        saveAs = null;
    }

    /** @return the choices a column may take: not read, or anything the product reads */
    public List<SelectItem> getTargets() {
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("", "— not read —"));
        Column.all().forEach(c -> items.add(new SelectItem(c.key(), c.label())));
        return items;
    }

    /** @return how the chosen file would be read, or {@code null} before a file is chosen */
    public UploadPreview getPreview() {
        return preview;
    }

    public List<ColumnRow> getColumns() {
        return columns;
    }

    public String getSaveAs() {
        return saveAs;
    }

    public void setSaveAs(String saveAs) {
        this.saveAs = saveAs;
    }

    /** @return the report of the last upload on this page, or {@code null} */
    public UploadReport getReport() {
        return report;
    }
}
