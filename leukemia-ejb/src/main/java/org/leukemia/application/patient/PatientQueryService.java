package org.leukemia.application.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.application.export.ExportFormat;
import org.leukemia.application.export.ExportedFile;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.application.prediction.Contributions;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.PatientRepository;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionLine;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.prediction.PredictionScope;
import org.leukemia.persistence.prediction.PredictionSort;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/**
 * What doctors read: their dashboard, their patients' records and the records' printable
 * reports; auditors read any record and its report. Every query is scoped to the caller here,
 * in the service, whatever page or API asked.
 */
@Stateless
@RolesAllowed({Roles.DOCTOR, Roles.AUDITOR})
public class PatientQueryService {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Inject
    private PatientRepository patients;

    @Inject
    private PredictionRepository predictions;

    @Inject
    private ModelRegistry registry;

    /** The audit target id of the patient list: its pages shown and its exports. */
    public static final String LIST_TARGET = "patient-list";

    /** The most rows a list counts exactly; past it, a list says "more than". */
    public static final int COUNT_LIMIT = 10_000;

    /**
     * The caller's predictions, newest first.
     *
     * @param first index of the first row
     * @param max the most rows to return
     */
    public List<PredictionSummary> dashboard(int first, int max) {
        return patientList(PredictionCriteria.NONE, PredictionSort.NEWEST_FIRST, first, max);
    }

    /** @return how many predictions the caller's dashboard holds, up to {@link #COUNT_LIMIT} */
    public long dashboardSize() {
        return patientListSize(PredictionCriteria.NONE).shown();
    }

    /**
     * One page of the patient list: the predictions of the caller's patients (a doctor) or of
     * every patient (an auditor) that meet {@code criteria}, in {@code sort}'s order. Removed
     * patients are never listed. A page that shows patients is recorded in the audit trail as
     * a view, with its filters, order and the patients it showed.
     *
     * @param first index of the first row, from 0
     * @param max the most rows to return, at least 1
     */
    public List<PredictionSummary> patientList(PredictionCriteria criteria, PredictionSort sort,
            int first, int max) {
        PredictionScope scope = scopeOf(accounts.currentAccount());
        List<PredictionSummary> page = predictions.search(scope, criteria, sort, first, max)
                .stream().map(PatientQueryService::summarise).toList();
        if (!page.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("filters", PatientListing.describe(criteria));
            details.put("order", PatientListing.describe(sort));
            details.put("first", first);
            details.put("patients", page.stream().map(PredictionSummary::patientId).distinct()
                    .toList());
            audit.record(AuditAction.VIEW, AuditTarget.REPORT, LIST_TARGET, details);
        }
        return page;
    }

    /**
     * How many rows {@link #patientList} has for {@code criteria}, counted up to
     * {@link #COUNT_LIMIT}: an exact count of a doctor's hundreds of thousands of predictions
     * would take longer than the page itself.
     */
    public ListSize patientListSize(PredictionCriteria criteria) {
        int counted = predictions.countUpTo(scopeOf(accounts.currentAccount()), criteria,
                COUNT_LIMIT + 1);
        return new ListSize(Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT);
    }

    /**
     * The patient list with {@code criteria} in {@code sort}'s order as a file: the lines a
     * doctor pages through (at most {@link #COUNT_LIMIT}), with the scope, the filters, the
     * order, when and by whom, and the disclaimer. Each export is recorded in the audit trail
     * with its filters and its number of lines.
     */
    public ExportedFile exportPatientList(PredictionCriteria criteria, PredictionSort sort,
            ExportFormat format) {
        UserAccount caller = accounts.currentAccount();
        PredictionScope scope = scopeOf(caller);
        List<PredictionSummary> rows = predictions.search(scope, criteria, sort, 0,
                COUNT_LIMIT + 1).stream().map(PatientQueryService::summarise).toList();
        boolean more = rows.size() > COUNT_LIMIT;
        LocalDateTime now = Timestamps.nowUtc();
        String who = caller.getDisplayName() + " (" + caller.getUsername() + ")";
        PatientListing listing = new PatientListing(
                caller.hasRole(Role.AUDITOR) ? "Every doctor's patients" : "Patients of " + who,
                PatientListing.describe(criteria), PatientListing.describe(sort), now, who,
                more ? rows.subList(0, COUNT_LIMIT) : rows, more);

        byte[] content = switch (format) {
            case XLSX -> PatientListWorkbook.write(listing);
            case PDF -> PatientListPdf.write(listing);
        };

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("scope", listing.scope());
        details.put("filters", listing.filters());
        details.put("order", listing.order());
        details.put("lines", listing.rows().size());
        details.put("more", more);
        audit.record(AuditAction.EXPORT, AuditTarget.REPORT, LIST_TARGET, details);
        return new ExportedFile(content, "patients-" + FILE_TIME.format(now) + "."
                + format.extension(), format);
    }

    /**
     * The size of a list, as far as it was counted.
     *
     * @param shown the rows the list may page through: all of them, or {@link #COUNT_LIMIT}
     * @param more whether more rows than {@code shown} meet the criteria
     */
    public record ListSize(int shown, boolean more) implements java.io.Serializable {
    }

    /** An auditor reads every doctor's patients; a doctor their own. */
    private static PredictionScope scopeOf(UserAccount caller) {
        return caller.hasRole(Role.AUDITOR) ? PredictionScope.EVERYONE
                : PredictionScope.ownedBy(caller);
    }

    /**
     * One patient's record. Each reading is recorded in the audit trail.
     *
     * @throws PatientNotFoundException if there is no such patient or the caller may not see it
     */
    public PatientRecord patientRecord(long patientId) {
        PatientRecord record = read(patientId, "view the record");

        audit.record(AuditAction.VIEW, AuditTarget.PATIENT, patientId, Map.of());
        return record;
    }

    /**
     * One patient's record as a PDF document to print or file, with the disclaimer; who may
     * read the record may have its report. Each report is recorded in the audit trail.
     *
     * @throws PatientNotFoundException if there is no such patient or the caller may not see it
     */
    public PatientReport report(long patientId) {
        PatientRecord record = read(patientId, "export the report");
        UserAccount caller = accounts.currentAccount();
        LocalDateTime now = Timestamps.nowUtc();

        byte[] pdf = PatientReportPdf.render(record, caller.getDisplayName() + " ("
                + caller.getUsername() + ")", now);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", "pdf");
        details.put("bytes", pdf.length);
        details.put("panels", record.panels().size());
        audit.record(AuditAction.EXPORT, AuditTarget.PATIENT, patientId, details);
        return new PatientReport("patient-" + record.externalId() + "-"
                + FILE_TIME.format(now) + ".pdf", pdf);
    }

    private PatientRecord read(long patientId, String asked) {
        UserAccount caller = accounts.currentAccount();
        Optional<Patient> found = patients.findById(patientId);
        Patient patient = found.filter(p -> mayRead(caller, p))
                .orElseThrow(() -> HiddenPatients.refuse(audit, patientId, found, asked));

        Map<Long, Prediction> byPanel = predictions.forPatient(patient).stream()
                .collect(Collectors.toMap(p -> p.getPanel().getId(), Function.identity(),
                        (a, b) -> a));
        List<PatientRecord.Panel> panels = patients.panelsOf(patient).stream()
                .map(panel -> describe(panel, byPanel.get(panel.getId())))
                .toList();
        PatientDetails details = PatientDetails.of(patient, patients.notesOf(patient));
        boolean changeable = patient.isOwnedBy(caller) && caller.hasRole(Role.DOCTOR);
        return new PatientRecord(patient.getId(), patient.getExternalId(), details.sex(),
                patient.getOwner().getUsername(), details.fullName(), details.birthDate(),
                details.confirmedDiagnosis(), details.diagnosisRecordedAt(),
                details.diagnosisRecordedBy(), details.version(), details.notes(), changeable,
                panels);
    }

    private static boolean mayRead(UserAccount caller, Patient patient) {
        return !patient.isRemoved() && (patient.getOwner().getId().equals(caller.getId())
                || caller.hasRole(Role.AUDITOR));
    }

    private PatientRecord.Panel describe(LabPanel panel, Prediction prediction) {
        Map<String, String> conversions = ConversionNotes.byParameter(
                prediction == null ? null : prediction.getNotes());
        List<PatientRecord.Result> results = panel.getResults().stream()
                .map(r -> new PatientRecord.Result(r.getParameter(),
                        Parameter.fromKey(r.getParameter()).map(Parameter::label)
                                .orElse(r.getParameter()),
                        r.getValue(), r.getUnit(), r.getReceivedValue(), r.getReceivedUnit(),
                        conversions.getOrDefault(r.getParameter(), "")))
                .toList();
        return new PatientRecord.Panel(panel.getId(), panel.getReceivedAt(), panel.getAgeYears(),
                panel.getUpload() == null ? null : panel.getUpload().getFileName(),
                panel.getSourceRow(), results,
                prediction == null ? null : summarise(prediction),
                prediction == null ? null : prediction.getNotes(),
                prediction == null ? List.of()
                        : Contributions.read(contributions(panel, prediction), measured(panel)));
    }

    /**
     * The stored contributions of a prediction or, for one stored without them (an upload
     * skips them, as they cost far more than the prediction), the same contributions computed
     * now by the model version that made it, from the panel's stored values.
     */
    private String contributions(LabPanel panel, Prediction prediction) {
        String stored = prediction.getAssessment().getContributionsJson();
        if (stored != null) {
            return stored;
        }
        LabValues.Builder values = LabValues.builder();
        panel.getResults().forEach(r -> Parameter.fromKey(r.getParameter())
                .ifPresent(p -> values.set(p, r.getValue())));
        if (panel.getAgeYears() != null) {
            values.set(Parameter.AGE, panel.getAgeYears());
        }
        return Contributions.toJson(registry.model(prediction.getModelVersion())
                .explain(values.build()));
    }

    private static Set<String> measured(LabPanel panel) {
        Set<String> keys = new HashSet<>();
        panel.getResults().forEach(r -> keys.add(r.getParameter()));
        if (panel.getAgeYears() != null) {
            keys.add(Parameter.AGE.key());
        }
        return keys;
    }

    static PredictionSummary summarise(Prediction p) {
        Patient patient = p.getPatient();
        var upload = p.getPanel().getUpload();
        return new PredictionSummary(patient.getId(), patient.getExternalId(),
                p.getPredictedSubtype(), p.getConfidence(), p.getProbabilityAll(),
                p.getProbabilityAml(), p.getProbabilityApl(), p.getModelVersion().getVersion(),
                p.getModelVersion().isSyntheticTrainingData(), p.getPredictedAt(),
                p.getAssessment().isConfident(), p.getAssessment().isOutOfDistribution(),
                p.getAssessment().getUnusualReasons(), p.getAssessment().isWithheld(),
                PredictionSummary.mostProbable(p.getPredictedSubtype(), p.getProbabilityAll(),
                        p.getProbabilityAml(), p.getProbabilityApl()),
                p.getId(), patient.getFullName(), patient.getConfirmedDiagnosis() == null ? null
                        : patient.getConfirmedDiagnosis().name(),
                upload == null ? null : upload.getId(),
                upload == null ? null : upload.getFileName());
    }

    private static PredictionSummary summarise(PredictionLine line) {
        return new PredictionSummary(line.patientId(), line.externalId(),
                line.predictedSubtype(), line.confidence(), line.probabilityAll(),
                line.probabilityAml(), line.probabilityApl(), line.modelVersion(),
                line.syntheticModel(), line.predictedAt(), line.confident(),
                line.outOfDistribution(), line.unusualReasons(), line.withheld(),
                PredictionSummary.mostProbable(line.predictedSubtype(), line.probabilityAll(),
                        line.probabilityAml(), line.probabilityApl()),
                line.predictionId(), line.fullName(), line.confirmedDiagnosis(), line.uploadId(),
                line.uploadFileName());
    }
}
