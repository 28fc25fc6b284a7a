package org.leukemia.application.analytics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.Roles;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.application.export.ExportFormat;
import org.leukemia.application.export.ExportedFile;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.analytics.AnalyticsRepository;
import org.leukemia.persistence.analytics.AnalyticsScope;
import org.leukemia.persistence.analytics.ConfidenceCount;
import org.leukemia.persistence.analytics.MonthCount;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/**
 * The analytics a doctor reads at a glance: how the model's suggestions are distributed, how
 * they go month by month, how confident they are, and how they agree with the diagnoses
 * confirmed since. A doctor sees their own patients; an auditor sees every patient. The scope
 * is decided here, in the service, whichever page or API asks, and removed patients are never
 * counted. Every figure is an aggregate query in the database.
 */
@Stateless
@RolesAllowed({Roles.DOCTOR, Roles.AUDITOR})
public class AnalyticsService {

    /** The audit target id of an analytics export. */
    public static final String EXPORT_TARGET = "analytics";

    private static final Logger LOG = Logger.getLogger(AnalyticsService.class.getName());
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Inject
    private AnalyticsRepository figures;

    /**
     * The figures for the caller's patients (every patient for an auditor) in a period.
     *
     * @param period the days counted
     */
    public Analytics analytics(AnalyticsPeriod period) {
        UserAccount caller = accounts.currentAccount();
        boolean everyPatient = caller.hasRole(Role.AUDITOR);
        AnalyticsScope scope = (everyPatient ? AnalyticsScope.everyPatient()
                : AnalyticsScope.patientsOf(caller)).between(period.start(), period.end());

        Map<String, Long> distribution = new HashMap<>();
        figures.subtypeDistribution(scope)
                .forEach(c -> distribution.put(c.subtype(), c.patients()));
        Analytics analytics = new Analytics(
                everyPatient ? "All patients" : "Patients of " + who(caller), everyPatient,
                period, Timestamps.nowUtc(), who(caller), SubtypeCounts.of(distribution),
                figures.withheldPatients(scope), months(figures.monthlyPredictions(scope)),
                confidence(figures.confidenceHistogram(scope)),
                Agreement.of(figures.agreement(scope)));

        LOG.fine(() -> "Analytics of " + analytics.distribution().total() + " patients for "
                + caller.getUsername());
        return analytics;
    }

    /**
     * The same figures as a file, with title, scope, period, time and author. Each export is
     * recorded in the audit trail.
     *
     * @param period the days counted
     * @param format the file's format
     */
    public ExportedFile export(AnalyticsPeriod period, ExportFormat format) {
        Analytics analytics = analytics(period);

        byte[] content = switch (format) {
            case XLSX -> AnalyticsWorkbook.write(analytics);
            case PDF -> AnalyticsDocument.write(analytics);
        };

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", format.extension());
        details.put("scope", analytics.scope());
        details.put("period", period.describe());
        details.put("patients", analytics.distribution().total());
        audit.record(AuditAction.EXPORT, AuditTarget.REPORT, EXPORT_TARGET, details);
        return new ExportedFile(content, "analytics-" + FILE_TIME.format(
                analytics.generatedAt()) + "." + format.extension(), format);
    }

    private static String who(UserAccount account) {
        return account.getDisplayName().equals(account.getUsername()) ? account.getUsername()
                : account.getDisplayName() + " (" + account.getUsername() + ")";
    }

    private static List<Analytics.Month> months(List<MonthCount> counts) {
        Map<String, Map<String, Long>> byMonth = new TreeMap<>();
        counts.forEach(c -> byMonth.computeIfAbsent(c.month().toString(), m -> new HashMap<>())
                .put(c.subtype(), c.predictions()));
        List<Analytics.Month> months = new ArrayList<>();
        byMonth.forEach((month, bySubtype) -> months.add(
                new Analytics.Month(month, SubtypeCounts.of(bySubtype))));
        return List.copyOf(months);
    }

    private static List<Analytics.ConfidenceBin> confidence(List<ConfidenceCount> counts) {
        List<Map<String, Long>> bins = new ArrayList<>();
        for (int b = 0; b < AnalyticsRepository.CONFIDENCE_BINS; b++) {
            bins.add(new HashMap<>());
        }
        counts.forEach(c -> bins.get(c.bin()).put(c.subtype(), c.patients()));
        List<Analytics.ConfidenceBin> histogram = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            double lower = (double) b / bins.size();
            double upper = (double) (b + 1) / bins.size();
            histogram.add(new Analytics.ConfidenceBin(String.format(Locale.ROOT, "%.1f-%.1f",
                    lower, upper), lower, upper, SubtypeCounts.of(bins.get(b))));
        }
        return List.copyOf(histogram);
    }
}
