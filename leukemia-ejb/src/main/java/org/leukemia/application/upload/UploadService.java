package org.leukemia.application.upload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.logging.Logger;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.Roles;
import org.leukemia.application.config.ConfigKeys;
import org.leukemia.application.prediction.PredictionService;
import org.leukemia.ml.NormalisedValues;
import org.leukemia.ml.Normaliser;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;
import org.leukemia.persistence.upload.UploadRepository;
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
    @ConfigProperty(name = ConfigKeys.UPLOAD_MAX_BYTES, defaultValue = "15728640")
    private long maxBytes;

    @Inject
    @ConfigProperty(name = ConfigKeys.UPLOAD_MAX_ROWS, defaultValue = "100000")
    private int maxRows;

    private final Normaliser normaliser = new Normaliser();

    /**
     * Ingests a workbook for the calling doctor.
     *
     * @param fileName the name of the file as uploaded
     * @param content the file's bytes
     * @return one outcome per data row
     * @throws UploadException when the file as a whole is refused; nothing is stored then
     */
    public UploadReport ingestWorkbook(String fileName, byte[] content) {
        requireAcceptable(fileName, content);
        UserAccount doctor = accounts.currentAccount();
        String sha256 = sha256(content);
        requireNew(doctor, sha256);
        WorkbookContent workbook = read(fileName, content);

        Upload upload = new Upload(doctor, fileName, sha256, content.length);
        uploads.add(upload, content);
        PredictionService.Predictor predictor = predictionService.openPredictor();
        RowInterpreter interpreter = new RowInterpreter(workbook.columns(),
                LocalDate.now(ZoneOffset.UTC));
        List<RowOutcome> outcomes = new ArrayList<>();
        for (SheetRow row : workbook.rows()) {
            outcomes.add(ingestRow(row, interpreter, doctor, upload, predictor));
        }
        upload.recordIgnoredColumns(workbook.ignoredHeaders());
        upload.recordOutcome(outcomes.size(), countStored(outcomes),
                outcomes.size() - countStored(outcomes), issuesOf(outcomes));

        LOG.info(() -> "Upload " + upload.getId() + " by " + doctor.getUsername() + ": "
                + outcomes.size() + " rows, " + countStored(outcomes) + " stored, model version "
                + predictor.modelVersion());
        return new UploadReport(upload.getId(), fileName, upload.getSha256(),
                workbook.ignoredHeaders(), outcomes);
    }

    /**
     * The report of one of the calling doctor's uploads, rebuilt from what was stored: a line
     * per stored row (with its warnings) and per rejected row, in row order.
     *
     * @param uploadId the upload
     * @return the report
     * @throws UploadNotFoundException when the upload does not exist or is not the caller's
     */
    public UploadReport report(long uploadId) {
        Upload upload = ownUpload(uploadId);
        Map<Integer, List<String>> warnings = new HashMap<>();
        List<RowOutcome> rows = new ArrayList<>();
        for (RowIssue issue : upload.getIssues()) {
            if (issue.getSeverity() == RowIssue.Severity.WARNING) {
                warnings.computeIfAbsent(issue.getRowNumber(), r -> new ArrayList<>())
                        .add(issue.getMessage());
            } else {
                rows.add(new RowOutcome(issue.getRowNumber(), null, RowOutcome.Status.REJECTED,
                        null, null, issue.getMessage()));
            }
        }
        for (Prediction p : predictions.findByUpload(upload)) {
            int row = p.getPanel().getSourceRow();
            List<String> rowWarnings = warnings.getOrDefault(row, List.of());
            rows.add(new RowOutcome(row, p.getPatient().getExternalId(), rowWarnings.isEmpty()
                    ? RowOutcome.Status.STORED : RowOutcome.Status.STORED_WITH_WARNINGS,
                    p.getPredictedSubtype(), p.getConfidence(), String.join(" ", rowWarnings)));
        }
        rows.sort(Comparator.comparingInt(RowOutcome::rowNumber));
        return new UploadReport(upload.getId(), upload.getFileName(), upload.getSha256(),
                upload.getIgnoredColumns(), rows);
    }

    /**
     * The file of one of the calling doctor's uploads, exactly as received.
     *
     * @param uploadId the upload
     * @return its name and bytes
     * @throws UploadNotFoundException when the upload does not exist or is not the caller's
     */
    public ReceivedFile originalFile(long uploadId) {
        Upload upload = ownUpload(uploadId);
        byte[] content = uploads.findContent(upload).orElseThrow(
                () -> new UploadNotFoundException(uploadId));
        return new ReceivedFile(upload.getFileName(), upload.getSha256(), content);
    }

    private Upload ownUpload(long uploadId) {
        UserAccount caller = accounts.currentAccount();
        return uploads.findById(uploadId).filter(u -> u.getOwner().equals(caller))
                .orElseThrow(() -> new UploadNotFoundException(uploadId));
    }

    private RowOutcome ingestRow(SheetRow row, RowInterpreter interpreter, UserAccount doctor,
            Upload upload, PredictionService.Predictor predictor) {
        PatientEntry entry;
        NormalisedValues normalised;
        try {
            entry = interpreter.interpret(row);
            normalised = normaliser.normalise(entry.values());
            if (!entry.notes().isEmpty()) {
                List<String> notes = new ArrayList<>(entry.notes());
                notes.addAll(normalised.notes());
                normalised = new NormalisedValues(normalised.values(), notes);
            }
        } catch (RowRejectedException e) {
            String where = e.column() == null ? "" : e.column() + ": ";
            Object id = row.cells().get(Column.IDENTIFIER);
            return new RowOutcome(row.rowNumber(), id == null ? null : id.toString(),
                    RowOutcome.Status.REJECTED, null, null, where + e.getMessage());
        }

        Patient patient = patients.findOwned(entry.externalId(), doctor).orElseGet(() -> {
            Patient created = new Patient(entry.externalId(), doctor, entry.sex());
            patients.add(created);
            return created;
        });
        OptionalDouble age = normalised.values().get(Parameter.AGE);
        LabPanel panel = new LabPanel(patient, upload, entry.rowNumber(),
                age.isPresent() ? age.getAsDouble() : null, labResults(normalised));
        patients.add(panel);
        Prediction prediction = predictor.predictAndStore(panel, normalised.values(),
                normalised.notes());

        List<String> warnings = new ArrayList<>(normalised.notes());
        Assessment assessment = prediction.getAssessment();
        if (assessment.isOutOfDistribution()) {
            warnings.add("Outside the model's experience: " + assessment.getUnusualReasons());
        }
        RowOutcome.Status status = warnings.isEmpty()
                ? RowOutcome.Status.STORED : RowOutcome.Status.STORED_WITH_WARNINGS;
        return new RowOutcome(row.rowNumber(), entry.externalId(), status,
                prediction.getPredictedSubtype(), prediction.getConfidence(),
                String.join(" ", warnings));
    }

    private static List<LabResult> labResults(NormalisedValues normalised) {
        Map<Parameter, Double> values = new EnumMap<>(normalised.values().asMap());
        values.remove(Parameter.AGE);
        return values.entrySet().stream()
                .map(e -> new LabResult(e.getKey().key(), e.getValue(), e.getKey().unit()))
                .toList();
    }

    private void requireAcceptable(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new UploadException("The file is empty.");
        }
        if (content.length > maxBytes) {
            throw new UploadException("The file has " + content.length + " bytes; the most"
                    + " accepted is " + maxBytes + ".");
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

    private WorkbookContent read(String fileName, byte[] content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return new CsvTableReader(maxRows).read(content);
        }
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(content);
        } catch (RuntimeException e) {
            magic = FileMagic.UNKNOWN;
        }
        return switch (magic) {
            case OOXML -> new XlsxStreamReader(maxRows).read(content);
            // .xls, and .xlsx files that are password-protected (an OLE2 envelope)
            case OLE2 -> new PoiWorkbookReader(maxRows).read(new ByteArrayInputStream(content));
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

    private static List<RowIssue> issuesOf(List<RowOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o.status() != RowOutcome.Status.STORED)
                .map(o -> new RowIssue(o.rowNumber(), null, o.message(),
                        o.status() == RowOutcome.Status.REJECTED
                                ? RowIssue.Severity.REJECTED : RowIssue.Severity.WARNING))
                .toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
