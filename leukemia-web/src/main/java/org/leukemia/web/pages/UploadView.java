package org.leukemia.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leukemia.application.upload.Column;
import org.leukemia.application.upload.ColumnChoice;
import org.leukemia.application.upload.SavedMappingNotFoundException;
import org.leukemia.application.upload.SavedMappingSummary;
import org.leukemia.application.upload.UploadException;
import org.leukemia.application.upload.UploadJob;
import org.leukemia.application.upload.UploadJobNotFoundException;
import org.leukemia.application.upload.UploadJobs;
import org.leukemia.application.upload.UploadPreview;
import org.leukemia.application.upload.UploadReport;
import org.leukemia.application.upload.UploadService;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The upload page, in two steps: the doctor chooses a file and sees how each of its columns
 * will be read; they correct what needs correcting (and may save the mapping for the
 * laboratory's next files), then import it, follow its progress and read the row-by-row
 * report. The import runs in the background: the doctor may leave the page, and finds their
 * uploads listed on it when they come back.
 */
@Named
@ViewScoped
public class UploadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UploadService uploads;

    @EJB
    private UploadJobs uploadJobs;

    @Inject
    private FacesContext faces;

    private String fileName;
    private byte[] content;
    private UploadPreview preview;
    private List<ColumnRow> columns = List.of();
    private String saveAs;
    private UploadReport report;
    /** The upload whose progress the page shows, or {@code null}. */
    private UploadJob job;
    /** The doctor's uploads, running or finished in the last hour, newest first. */
    private List<UploadJob> jobs = List.of();
    /** The doctor's saved mappings, read when the page first shows them; null: read again. */
    private List<SavedMappingSummary> mappings;

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

    /** Lists the doctor's uploads, and follows the newest one that still runs, if any. */
    @PostConstruct
    void listJobs() {
        jobs = uploadJobs.mine();
        job = jobs.stream().filter(j -> !j.finished()).findFirst().orElse(null);
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
                    "The file was not imported.", e.getMessage()));
        }
    }

    /**
     * Starts importing the file, with the columns as confirmed, in the background; the page
     * follows its progress.
     */
    public void importFile() {
        if (content == null) {
            return;
        }
        List<ColumnChoice> choices = new ArrayList<>();
        columns.forEach(c -> choices.add(new ColumnChoice(c.getHeader(), c.getTarget(),
                c.getUnit())));
        report = null;
        job = uploadJobs.start(fileName, content, choices, saveAs);
        jobs = uploadJobs.mine();
        clear();
    }

    /**
     * Brings the doctor's uploads up to date; when the one followed has ended, shows its report
     * or why it failed.
     */
    public void refresh() {
        jobs = uploadJobs.mine();
        if (job == null) {
            return;
        }
        String followed = job.id();
        job = jobs.stream().filter(j -> j.id().equals(followed)).findFirst().orElse(null);
        if (job != null && job.finished()) {
            conclude();
            PrimeFaces.current().ajax().update("upload:messages", "upload:report",
                    "upload:mappings");
        }
    }

    /**
     * Shows one of the doctor's uploads: its progress while it runs, its report or why it
     * failed once it has ended.
     *
     * @param id the upload job
     */
    public void show(String id) {
        report = null;
        try {
            job = uploadJobs.find(id);
            if (job.finished()) {
                conclude();
            }
        } catch (UploadJobNotFoundException e) {
            job = null;
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "That upload is no longer listed", "Its patients are on your dashboard."));
        }
        jobs = uploadJobs.mine();
    }

    /** Reports the followed job, which has ended, and stops following it. */
    private void conclude() {
        if (job.state() == UploadJob.State.DONE) {
            report = uploads.report(job.uploadId());
            mappings = null; // the import may have saved one
            String outcome = report.storedCount() + " of " + report.rows().size()
                    + " rows stored";
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Upload finished", report.rejectedCount() == 0 ? outcome
                            : outcome + "; " + report.rejectedCount()
                                    + " rejected: see the reasons below."));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "The file was not imported.", job.failure()));
        }
        job = null;
    }

    /** @return the doctor's saved column mappings, most recently saved first */
    public List<SavedMappingSummary> getMappings() {
        if (mappings == null) {
            mappings = List.copyOf(uploads.savedMappings());
        }
        return mappings;
    }

    /**
     * Deletes one of the doctor's saved mappings.
     *
     * @param id the mapping
     */
    public void deleteMapping(long id) {
        try {
            uploads.deleteMapping(id);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Saved mapping deleted", "Files with its headers are read by their headers"
                            + " again."));
        } catch (SavedMappingNotFoundException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    "That mapping is no longer saved", null));
        }
        mappings = null;
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

    /** @return the upload whose progress the page shows, or {@code null} */
    public UploadJob getJob() {
        return job;
    }

    /** @return the doctor's uploads, running or finished in the last hour, newest first */
    public List<UploadJob> getJobs() {
        return jobs;
    }

    /** @return whether the page should keep asking how the doctor's uploads are going */
    public boolean isPolling() {
        return job != null || jobs.stream().anyMatch(j -> !j.finished());
    }

    /** @return whether the followed upload's rows are counted yet, for a determinate bar */
    public boolean isCounting() {
        return job != null && job.rowsTotal() > 0;
    }

    /** @return the share of the followed upload's rows that are done, in percent */
    public int getPercent() {
        return isCounting() ? (int) (100L * job.rowsDone() / job.rowsTotal()) : 0;
    }

    /**
     * @param listed one of the doctor's uploads
     * @return how far it got, in words ("1,500 of 3,000 rows")
     */
    public String progress(UploadJob listed) {
        return switch (listed.state()) {
            case READING -> "reading the file";
            case PREDICTING_AND_STORING -> listed.rowsTotal() == 0
                    ? rows(listed.rowsDone()) + " rows done" // the file does not say how many
                    : rows(listed.rowsDone()) + " of " + rows(listed.rowsTotal()) + " rows"
                            + (listed.rowsDone() == listed.rowsTotal() ? ", saving" : "");
            case DONE -> "done: " + rows(listed.rowsStored()) + " of "
                    + rows(listed.rowsTotal()) + " rows stored";
            case FAILED -> "not imported";
        };
    }

    private static String rows(int count) {
        return String.format(Locale.ENGLISH, "%,d", count);
    }
}
