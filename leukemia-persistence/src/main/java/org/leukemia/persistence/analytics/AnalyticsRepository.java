package org.leukemia.persistence.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.leukemia.persistence.patient.Diagnosis;

/**
 * The figures of the analytics page, each computed by one aggregate query in the database:
 * no prediction row is loaded into memory, however many there are.
 *
 * <p>"A patient's latest prediction" is the prediction with the latest time (ties broken by
 * the higher id) among the patient's predictions in the scope's period; each patient counts
 * once, whatever the number of panels. The queries are plain SQL that MySQL 8, MariaDB 10.6+
 * and H2 2 all run: a window function picks each patient's latest prediction in one pass over
 * the index on (patient, time). Callers provide the transaction.
 *
 * <p>A withheld suggestion (the model made none, as it rested on results missing or far
 * beyond its experience) is not a suggestion: a patient whose latest prediction is withheld is counted by
 * {@link #withheldPatients} and in no other figure, and monthly trends leave withheld
 * predictions out.
 */
@ApplicationScoped
public class AnalyticsRepository {

    /** Confidence bins of the histogram: tenths of [0, 1]. */
    public static final int CONFIDENCE_BINS = 10;

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected AnalyticsRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public AnalyticsRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * How many patients' latest predictions name each subtype; subtypes never named are left
     * out.
     */
    public List<SubtypeCount> subtypeDistribution(AnalyticsScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select subtype, count(*) from (" + latestPredictions(scope, parameters, "")
                + ") latest where rn = 1 and withheld = false group by subtype order by subtype";
        return rows(sql, parameters).stream()
                .map(r -> new SubtypeCount((String) r[0], count(r[1])))
                .toList();
    }

    /** How many patients' latest predictions withheld the suggestion. */
    public long withheldPatients(AnalyticsScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select count(*) from (" + latestPredictions(scope, parameters, "")
                + ") latest where rn = 1 and withheld = true";
        return count(query(sql, parameters).getSingleResult());
    }

    /**
     * How many predictions of each subtype were made each month (UTC), oldest month first. Every
     * prediction counts here, not only each patient's latest: the figure shows the work of each
     * month. Months without a prediction are left out.
     */
    public List<MonthCount> monthlyPredictions(AnalyticsScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select year(p.predicted_at) y, month(p.predicted_at) m,"
                + " p.predicted_subtype, count(*) from prediction p"
                + " join patient pa on pa.id = p.patient_id"
                + where(scope, parameters) + " and p.suggestion_withheld = false"
                + " group by year(p.predicted_at), month(p.predicted_at), p.predicted_subtype"
                + " order by y, m, p.predicted_subtype";
        return rows(sql, parameters).stream()
                .map(r -> new MonthCount(YearMonth.of(((Number) r[0]).intValue(),
                        ((Number) r[1]).intValue()), (String) r[2], count(r[3])))
                .toList();
    }

    /**
     * How many patients' latest predictions of each subtype fall in each tenth of confidence;
     * empty bins are left out.
     */
    public List<ConfidenceCount> confidenceHistogram(AnalyticsScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select subtype, bin, count(*) from ("
                + latestPredictions(scope, parameters, ", case when p.confidence >= 1 then "
                        + (CONFIDENCE_BINS - 1) + " else floor(p.confidence * "
                        + CONFIDENCE_BINS + ") end bin")
                + ") latest where rn = 1 and withheld = false"
                + " group by subtype, bin order by subtype, bin";
        return rows(sql, parameters).stream()
                .map(r -> new ConfidenceCount((String) r[0], ((Number) r[1]).intValue(),
                        count(r[2])))
                .toList();
    }

    /**
     * The confusion matrix of the patients with a confirmed diagnosis: for each, the subtype of
     * the latest prediction made at or before the time the diagnosis was recorded, so that a
     * panel taken later (during treatment, say) does not count. Patients with no prediction
     * before their diagnosis are left out, as are empty cells.
     */
    public List<AgreementCount> agreement(AnalyticsScope scope) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select diagnosis, subtype, count(*) from ("
                + "select pa.confirmed_diagnosis diagnosis, p.predicted_subtype subtype,"
                + " p.suggestion_withheld withheld, row_number() over (partition by p.patient_id"
                + " order by p.predicted_at desc, p.id desc) rn"
                + " from prediction p join patient pa on pa.id = p.patient_id"
                + where(scope, parameters)
                + " and pa.confirmed_diagnosis is not null"
                + " and p.predicted_at <= pa.diagnosis_recorded_at"
                + ") diagnosed where rn = 1 and withheld = false group by diagnosis, subtype"
                + " order by diagnosis, subtype";
        return rows(sql, parameters).stream()
                .map(r -> new AgreementCount(Diagnosis.valueOf((String) r[0]), (String) r[1],
                        count(r[2])))
                .toList();
    }

    /** Every prediction in scope, numbered per patient from the latest (rn = 1). */
    private static String latestPredictions(AnalyticsScope scope, List<Object> parameters,
            String columns) {
        return "select p.predicted_subtype subtype, p.suggestion_withheld withheld" + columns
                + ", row_number() over (partition by p.patient_id"
                + " order by p.predicted_at desc, p.id desc) rn"
                + " from prediction p join patient pa on pa.id = p.patient_id"
                + where(scope, parameters);
    }

    private static String where(AnalyticsScope scope, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where pa.removed_at is null");
        if (scope.owner() != null) {
            parameters.add(Objects.requireNonNull(scope.owner().getId(), "owner.id"));
            where.append(" and pa.owner_id = ?").append(parameters.size());
        }
        if (scope.from() != null) {
            parameters.add(Timestamp.valueOf(scope.from()));
            where.append(" and p.predicted_at >= ?").append(parameters.size());
        }
        if (scope.until() != null) {
            parameters.add(Timestamp.valueOf(scope.until()));
            where.append(" and p.predicted_at < ?").append(parameters.size());
        }
        return where.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Object> parameters) {
        return query(sql, parameters).getResultList();
    }

    private Query query(String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
