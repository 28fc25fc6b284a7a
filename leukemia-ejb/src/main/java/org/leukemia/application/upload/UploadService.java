package org.leukemia.application.upload;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.application.prediction.PredictionService;
import org.leukemia.ml.Units;
import org.leukemia.persistence.BatchWriter;
import org.leukemia.persistence.UnitOfWork;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.mapping.SavedMapping;
import org.leukemia.persistence.mapping.SavedMappingRepository;
import org.leukemia.persistence.model.ModelVersion;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.upload.UploadRepository;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/**
 * Ingests a workbook of laboratory results: each usable row becomes a lab panel of a patient
 * owned by the uploading doctor, with a stored prediction; each unusable row is reported with
 * its row number and the reason. The upload record keeps the file itself, its name and
 * checksum, and every stored panel points back to it and to its row. A file the doctor has
 * uploaded before is recognised by its checksum and refused.
 */
@Stateless
@RolesAllowed(Roles.DOCTOR)
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class.getName());
    private static final DateTimeFormatter UPLOADED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    @EJB
    private AuditTrail audit;

    @EJB
    private AccountService accounts;

    @EJB
    private PredictionService predictionService;

    @Inject
    private PatientRepository patients;

    @Inject
    private UploadRepository uploads;

    @Inject
    private PredictionRepository predictions;

    @Inject
    private SavedMappingRepository mappings;

    @Inject
    private UnitOfWork work;

    @Inject
    private BatchWriter writer;

    @Inject
    @ConfigProperty(name = ConfigKeys.UPLOAD_MAX_BYTES, defaultValue = "15728640")
    private long maxBytes;

    @Inject
    @ConfigProperty(name = ConfigKeys.UPLOAD_MAX_ROWS, defaultValue = "100000")
    private int maxRows;

    /** Runs the reading stage of an ingestion beside the transaction's thread. */
    @Resource
    private ManagedExecutorService worker;

    /**
     * Ingests a file for the calling doctor, its columns read from their headers, or by the
     * doctor's saved mapping for files with these headers when there is one.
     *
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @return one outcome per data row
     * @throws UploadException when the file as a whole is refused; nothing is stored then
     */
    public UploadReport ingestWorkbook(String fileName, byte[] content) {
        return ingestWorkbook(fileName, content, null, null);
    }

    /**
     * Ingests a file for the calling doctor, its columns read as the doctor chose.
     *
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @param choices the doctor's choice for each header ({@link UploadPreview#choices()},
     *     corrected); {@code null}: as {@link #ingestWorkbook(String, byte[])}
     * @param saveAs a laboratory name to save the choices under, for its next files;
     *     {@code null} or blank: not saved
     * @return one outcome per data row
     * @throws UploadException when the file as a whole is refused; nothing is stored then
     */
    public UploadReport ingestWorkbook(String fileName, byte[] content,
            List<ColumnChoice> choices, String saveAs) {
        return ingestWorkbook(fileName, content, choices, saveAs, UploadProgress.NONE);
    }

    /**
     * Ingests a file as {@link #ingestWorkbook(String, byte[], List, String)} does, telling
     * {@code progress} how many rows the file has once it is accepted, and how many are done
     * after each chunk. Those rows are written in the upload's one transaction: they are
     * committed with all the others when this method returns, or not at all.
     *
     * @param progress told the counts, on the calling thread
     * @return one outcome per data row
     * @throws UploadException when the file as a whole is refused; nothing is stored then
     */
    public UploadReport ingestWorkbook(String fileName, byte[] content,
            List<ColumnChoice> choices, String saveAs, UploadProgress progress) {
        try {
            return ingest(fileName, content, choices, saveAs, progress);
        } catch (UploadException e) {
            audit.recordRefusal(AuditTarget.UPLOAD, null, "upload a file", e.getMessage(),
                    refusedFile(fileName, content));
            throw e;
        }
    }

    private static Map<String, Object> refusedFile(String fileName, byte[] content) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", fileName);
        if (content != null) {
            details.put("sha256", sha256(content));
            details.put("bytes", content.length);
        }
        return details;
    }

    private UploadReport ingest(String fileName, byte[] content, List<ColumnChoice> choices,
            String saveAs, UploadProgress progress) {
        requireAcceptable(fileName, content);
        UserAccount doctor = accounts.currentAccount();
        String sha256 = sha256(content);
        requireNew(doctor, sha256);
        Map<String, ColumnChoice> reading = choices == null
                ? savedMappingFor(doctor, fileName, content).map(UploadService::savedChoices)
                        .orElse(Map.of())
                : byHeader(choices);
        WorkbookContent layout = header(fileName, content, reading, false);
        if (choices != null) {
            choices.stream().map(c -> c.header().trim())
                    .filter(h -> !layout.headers().contains(h)).findFirst()
                    .ifPresent(h -> {
                        throw new UploadException("The mapping names a column '" + h
                                + "' that the file does not have; nothing was stored.");
                    });
        }
        SavedMapping saved = null;
        Map<String, Object> mappingBefore = null;
        if (saveAs != null && !saveAs.isBlank()) {
            requireLaboratoryName(saveAs);
            mappingBefore = mappings.findByOwner(doctor).stream()
                    .filter(m -> m.getLaboratory().equals(saveAs.trim())).findFirst()
                    .map(UploadService::mappingDetails).orElse(null);
            saved = mappings.save(doctor, saveAs, choicesOf(layout, choices).stream()
                    .map(c -> new SavedMapping.Entry(c.header(), c.target(), c.unit()))
                    .toList());
        }

        Upload upload = new Upload(doctor, fileName, sha256, content.length);
        uploads.add(upload, content);
        PredictionService.Predictor predictor = predictionService.openPredictor();
        // the file is read again to the end, its rows handed over as they are read: a file
        // refused halfway (too many rows, say) rolls back what was written before
        IngestionPipeline.Result result = new IngestionPipeline(patients, predictions, writer,
                work, worker)
                .run(sink -> read(fileName, content,
                        () -> SheetParser.streaming(maxRows, reading, false, sink)), doctor,
                        upload, predictor, new RowInterpreter(layout.columns(),
                                LocalDate.now(ZoneOffset.UTC)), progress);
        List<RowOutcome> outcomes = result.outcomes();
        Upload stored = result.upload();
        stored.recordIgnoredColumns(layout.ignoredHeaders());
        stored.recordCounts(outcomes.size(), countStored(outcomes),
                outcomes.size() - countStored(outcomes));

        long uploadId = stored.getId();
        // last: the entry locks the end of the audit chain until this transaction commits
        if (saved != null && mappingBefore == null) {
            audit.record(AuditAction.CREATE, AuditTarget.MAPPING, saved.getId(),
                    mappingDetails(saved));
        } else if (saved != null) {
            audit.recordChange(AuditTarget.MAPPING, saved.getId(), mappingBefore,
                    mappingDetails(saved));
        }
        audit.record(AuditAction.UPLOAD, AuditTarget.UPLOAD, uploadId, uploadDetails(stored,
                predictor.modelVersion()));
        String who = doctor.getUsername();
        LOG.info(() -> "Upload " + uploadId + " by " + who + ": " + outcomes.size()
                + " rows, " + countStored(outcomes) + " stored, model version "
                + predictor.modelVersion());
        return new UploadReport(uploadId, fileName, sha256,
                countStored(outcomes) == 0 ? null : predictor.modelVersion(),
                predictor.synthetic(), layout.ignoredHeaders(), outcomes);
    }

    /** A saved mapping as the audit trail keeps it: its name and how each header is read. */
    private static Map<String, Object> mappingDetails(SavedMapping mapping) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("laboratory", mapping.getLaboratory());
        details.put("columns", String.join("; ", SavedMappingSummary.columns(mapping)));
        return details;
    }

    private static Map<String, Object> uploadDetails(Upload upload, int modelVersion) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", upload.getFileName());
        details.put("sha256", upload.getSha256());
        details.put("bytes", upload.getSizeBytes());
        details.put("rowsRead", upload.getRowsRead());
        details.put("rowsStored", upload.getRowsStored());
        details.put("rowsRejected", upload.getRowsRejected());
        details.put("modelVersion", modelVersion);
        return details;
    }

    /**
     * How a file would be read, for the doctor to confirm or correct before it is ingested.
     * Nothing is stored.
     *
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @return every header and what it would be read as
     * @throws UploadException when the file as a whole would be refused
     */
    public UploadPreview preview(String fileName, byte[] content) {
        requireAcceptable(fileName, content);
        UserAccount doctor = accounts.currentAccount();
        requireNew(doctor, sha256(content));
        Optional<SavedMapping> saved = savedMappingFor(doctor, fileName, content);
        WorkbookContent workbook = read(fileName, content, () -> SheetParser.streaming(maxRows,
                saved.map(UploadService::savedChoices).orElse(Map.of()), true, row -> { }));
        List<UploadPreview.ColumnLine> lines = choices(workbook).stream()
                .map(c -> new UploadPreview.ColumnLine(c.header(), c.target(), c.unit(),
                        workbook.column(c.header()).map(MappedColumn::describe)
                                .orElseGet(() -> "not read: " + workbook.ignoredHeaders()
                                        .stream().filter(i -> i.startsWith(c.header() + " ("))
                                        .findFirst().orElse("not recognised"))))
                .toList();
        return new UploadPreview(fileName, workbook.rowCount(),
                saved.map(SavedMapping::getLaboratory).orElse(null), lines);
    }

    /** @return the calling doctor's saved mappings, most recently saved first */
    public List<SavedMappingSummary> savedMappings() {
        return mappings.findByOwner(accounts.currentAccount()).stream()
                .map(SavedMappingSummary::of).toList();
    }

    /**
     * Deletes one of the calling doctor's saved mappings; later files with its headers are read
     * by their headers again. What files were read as before stays as it was stored. Recorded
     * in the audit trail with the mapping as it was.
     *
     * @param mappingId the mapping
     * @throws SavedMappingNotFoundException when there is no such mapping of the caller's
     */
    public void deleteMapping(long mappingId) {
        UserAccount doctor = accounts.currentAccount();
        Optional<SavedMapping> found = mappings.findById(mappingId);
        SavedMapping mapping = found.filter(m -> m.getOwner().equals(doctor)).orElseThrow(() -> {
            audit.recordRefusal(AuditTarget.MAPPING, mappingId, "delete a saved mapping",
                    found.isEmpty() ? "no such mapping" : "another doctor's mapping", Map.of());
            return new SavedMappingNotFoundException(mappingId);
        });
        Map<String, Object> before = mappingDetails(mapping);
        mappings.remove(mapping);
        audit.record(AuditAction.REMOVE, AuditTarget.MAPPING, mappingId, before);
        LOG.info(() -> "Saved mapping " + mappingId + " deleted by " + doctor.getUsername());
    }

    /** The doctor's saved mapping for files with this file's headers, if there is one. */
    private Optional<SavedMapping> savedMappingFor(UserAccount doctor, String fileName,
            byte[] content) {
        if (mappings.findByOwner(doctor).isEmpty()) {
            return Optional.empty(); // no need to read the file for its headers
        }
        return mappings.findFor(doctor, header(fileName, content, Map.of(), true).headers());
    }

    /** How a file will be read: its header, found without reading any further. */
    private WorkbookContent header(String fileName, byte[] content,
            Map<String, ColumnChoice> choices, boolean preview) {
        SheetParser parser = SheetParser.headerOnly(choices, preview);
        try {
            read(fileName, content, () -> parser);
        } catch (SheetParser.ReadingStopped stopped) {
            // the header was found; the rows are read later
        }
        return parser.header();
    }

    private static Map<String, ColumnChoice> savedChoices(SavedMapping saved) {
        Map<String, ColumnChoice> choices = new HashMap<>();
        saved.getEntries().forEach(e -> choices.putIfAbsent(e.header(),
                new ColumnChoice(e.header(), e.target(), e.unit())));
        return choices;
    }

    private static Map<String, ColumnChoice> byHeader(List<ColumnChoice> choices) {
        Map<String, ColumnChoice> map = new HashMap<>();
        for (ColumnChoice c : choices) {
            if (!c.target().isEmpty() && Column.fromKey(c.target()).isEmpty()) {
                throw new UploadException("'" + c.target() + "' (chosen for the column '"
                        + c.header() + "') is not a column the product reads.");
            }
            map.putIfAbsent(c.header().trim(), c);
        }
        return map;
    }

    /** The choices to save: the doctor's, or else how each header was read. */
    private static List<ColumnChoice> choicesOf(WorkbookContent workbook,
            List<ColumnChoice> choices) {
        return choices != null ? choices : choices(workbook);
    }

    /** How each header of a file was read, as choices the doctor could have made. */
    private static List<ColumnChoice> choices(WorkbookContent workbook) {
        return workbook.headers().stream().map(h -> workbook.column(h)
                .map(c -> new ColumnChoice(h, c.column().key(),
                        c.unit().map(Units.Conversion::unit).orElse("")))
                .orElseGet(() -> new ColumnChoice(h, "", ""))).toList();
    }

    private static void requireLaboratoryName(String name) {
        if (name.trim().length() > SavedMapping.MAX_LABORATORY) {
            throw new UploadException("A laboratory name has at most "
                    + SavedMapping.MAX_LABORATORY + " characters.");
        }
    }

    /**
     * The report of one of the calling doctor's uploads (an auditor: of any upload), rebuilt
     * from what was stored: a line per stored row (with its warnings) and per rejected row, in
     * row order. Each reading is recorded in the audit trail.
     *
     * @param uploadId the upload
     * @return the report
     * @throws UploadNotFoundException when the upload does not exist or is not the caller's
     */
    @RolesAllowed({Roles.DOCTOR, Roles.AUDITOR})
    public UploadReport report(long uploadId) {
        Upload upload = readableUpload(uploadId, "read the upload report");
        audit.record(AuditAction.VIEW, AuditTarget.UPLOAD, uploadId, Map.of("view", "report"));
        Map<Integer, List<String>> warnings = new HashMap<>();
        List<RowOutcome> rows = new ArrayList<>();
        for (RowIssue issue : upload.getIssues()) {
            if (issue.getSeverity() == RowIssue.Severity.WARNING) {
                warnings.computeIfAbsent(issue.getRowNumber(), r -> new ArrayList<>())
                        .add(issue.getMessage());
            } else {
                rows.add(RowOutcome.rejected(issue.getRowNumber(), null, issue.getMessage()));
            }
        }
        List<Prediction> stored = predictions.findByUpload(upload);
        for (Prediction p : stored) {
            int row = p.getPanel().getSourceRow();
            List<String> rowWarnings = warnings.getOrDefault(row, List.of());
            rows.add(RowOutcome.stored(row, p.getPatient().getExternalId(), p, rowWarnings));
        }
        rows.sort(Comparator.comparingInt(RowOutcome::rowNumber));
        ModelVersion model = stored.isEmpty() ? null : stored.get(0).getModelVersion();
        return new UploadReport(upload.getId(), upload.getFileName(), upload.getSha256(),
                model == null ? null : model.getVersion(),
                model != null && model.isSyntheticTrainingData(), upload.getIgnoredColumns(),
                rows);
    }

    /**
     * The file of one of the calling doctor's uploads, exactly as received.
     *
     * @param uploadId the upload
     * @return its name and bytes
     * @throws UploadNotFoundException when the upload does not exist or is not the caller's
     */
    @RolesAllowed({Roles.DOCTOR, Roles.AUDITOR})
    public ReceivedFile originalFile(long uploadId) {
        Upload upload = readableUpload(uploadId, "download the uploaded file");
        byte[] content = uploads.findContent(upload).orElseThrow(
                () -> new UploadNotFoundException(uploadId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", upload.getFileName());
        details.put("bytes", content.length);
        audit.record(AuditAction.EXPORT, AuditTarget.UPLOAD, uploadId, details);
        return new ReceivedFile(upload.getFileName(), upload.getSha256(), content);
    }

    /** An upload of the caller's, or any upload for an auditor. */
    private Upload readableUpload(long uploadId, String asked) {
        UserAccount caller = accounts.currentAccount();
        Optional<Upload> found = uploads.findById(uploadId);
        return found.filter(u -> u.getOwner().equals(caller) || caller.hasRole(Role.AUDITOR))
                .orElseThrow(() -> {
            audit.recordRefusal(AuditTarget.UPLOAD, uploadId, asked, found.isEmpty()
                    ? "no such upload" : "another doctor's upload", Map.of());
            return new UploadNotFoundException(uploadId);
        });
    }

    private void requireAcceptable(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new UploadException("The file is empty.");
        }
        if (content.length > maxBytes) {
            throw UploadException.tooLarge((long) content.length, maxBytes);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsb")) {
            throw new UploadException("Excel binary workbooks (.xlsb) cannot be read: open the"
                    + " file in Excel, save it as .xlsx and upload that.");
        }
        if (!name.endsWith(".xlsx") && !name.endsWith(".xls") && !name.endsWith(".csv")) {
            throw new UploadException("Only Excel workbooks (.xlsx, .xls) and CSV files (.csv)"
                    + " are accepted.");
        }
    }

    private WorkbookContent read(String fileName, byte[] content,
            Supplier<SheetParser> parser) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new CsvTableReader(parser).read(content);
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.UNKNOWN && CsvTableReader.isText(content)) {
            throw new UploadException("The file is named as an Excel workbook but holds text, as"
                    + " a CSV file does: give it its .csv name and upload it again.");
        }
        return switch (magic) {
            case OOXML -> new XlsxStreamReader(parser).read(content);
            // .xls, and .xlsx files that are password-protected (an OLE2 envelope)
            case OLE2 -> new PoiWorkbookReader(parser).read(new ByteArrayInputStream(content));
            default -> throw new UploadException("The file is not an Excel workbook (its content"
                    + " is " + describe(magic) + "); upload an .xlsx, .xls or .csv file.");
        };
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case PDF -> "a PDF document";
            case HTML -> "a web page";
            case XML -> "XML";
            case UNKNOWN -> "not a format the product reads";
            default -> magic.name();
        };
    }

    private void requireNew(UserAccount doctor, String sha256) {
        uploads.findByOwnerAndSha256(doctor, sha256).ifPresent(earlier -> {
            throw new UploadException("You uploaded this very file before, on "
                    + UPLOADED_AT.format(earlier.getUploadedAt()) + " UTC as '"
                    + earlier.getFileName() + "' (upload " + earlier.getId() + ", "
                    + earlier.getRowsStored() + " rows stored). Nothing was stored again.");
        });
    }

    private static int countStored(List<RowOutcome> outcomes) {
        return (int) outcomes.stream()
                .filter(o -> o.status() != RowOutcome.Status.REJECTED).count();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
