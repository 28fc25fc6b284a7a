package org.leukemia.persistence.prediction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.upload.Upload;

/** Stores and finds {@link Prediction}s; callers provide the transaction. */
@ApplicationScoped
public class PredictionRepository {

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected PredictionRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public PredictionRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Stores a new prediction; a second prediction for the same panel fails at flush. */
    public void add(Prediction prediction) {
        em.persist(Objects.requireNonNull(prediction, "prediction"));
    }

    /**
     * The predictions made for the rows of an upload, in row order, with panel and patient
     * loaded (the upload's report).
     */
    public List<Prediction> findByUpload(Upload upload) {
        return em.createQuery("select p from Prediction p join fetch p.panel pa"
                        + " join fetch p.patient where pa.upload = :upload"
                        + " order by pa.sourceRow, p.id", Prediction.class)
                .setParameter("upload", upload)
                .getResultList();
    }

    /**
     * One page of the patient list: the predictions in {@code scope} that meet
     * {@code criteria}, in the order of {@code sort}, removed patients left out.
     *
     * <p>The query reads prediction first (the left joins keep that order unless a criterion
     * on the patient or the upload makes another start cheaper), along the index that gives
     * {@code sort}'s order within the scope, and stops after the page; see migration V6.
     *
     * @param first index of the first line, from 0
     * @param max most lines returned, at least 1
     */
    public List<PredictionLine> search(PredictionScope scope, PredictionCriteria criteria,
            PredictionSort sort, int first, int max) {
        if (first < 0 || max < 1) {
            throw new IllegalArgumentException("first must be >= 0 and max >= 1: " + first
                    + ", " + max);
        }
        ListQuery query = new ListQuery(em, scope, criteria, true);
        // the page's ids first, reading no more than the criteria and the order need; then
        // the 25 or so lines themselves
        List<Long> ids = query.bind(em.createQuery("select p.id" + query.from() + query.where()
                        + orderBy(sort, criteria), Long.class))
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PredictionLine> lines = em.createQuery("select p.id, pa.id, pa.externalId,"
                        + " pa.fullName, pa.confirmedDiagnosis, p.predictedSubtype, p.confidence,"
                        + " p.probabilityAll, p.probabilityAml, p.probabilityApl, mv.version,"
                        + " mv.syntheticTrainingData, p.predictedAt, p.assessment.confident,"
                        + " p.assessment.outOfDistribution, p.assessment.unusualReasons,"
                        + " p.assessment.withheld, u.id,"
                        + " u.fileName"
                        + " from Prediction p join p.patient pa join p.modelVersion mv"
                        + " join p.panel pn left join pn.upload u where p.id in :ids",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(PredictionRepository::line)
                .collect(Collectors.toMap(PredictionLine::predictionId, Function.identity()));
        return ids.stream().map(lines::get).toList();
    }

    /**
     * How many predictions {@code search} would list, counted up to {@code limit}: an exact
     * count over a doctor's hundreds of thousands of rows takes far longer than a page, so a
     * list says "more than" past a limit instead.
     *
     * @param limit most rows counted, at least 1
     * @return the number of rows, or {@code limit} when there are at least as many
     */
    public int countUpTo(PredictionScope scope, PredictionCriteria criteria, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        ListQuery query = new ListQuery(em, scope, criteria, false);
        return query.bind(em.createQuery("select p.id" + query.from() + query.where(),
                        Long.class))
                .setMaxResults(limit)
                .getResultList()
                .size();
    }

    /**
     * Makes the predictions of {@code patient} follow its owner, after the patient was assigned
     * to another doctor: each prediction carries a copy of the owner for the patient list.
     * Call it in the transaction that assigns the patient.
     *
     * @return how many predictions were changed
     */
    public int followOwner(Patient patient) {
        Objects.requireNonNull(patient, "patient");
        return em.createQuery("update Prediction p set p.owner = :owner"
                        + " where p.patient = :patient")
                .setParameter("owner", patient.getOwner())
                .setParameter("patient", patient)
                .executeUpdate();
    }

    private static String orderBy(PredictionSort sort, PredictionCriteria criteria) {
        String direction = sort.ascending() ? " asc" : " desc";
        String column = switch (sort.column()) {
            case PREDICTED_AT -> "";
            // of one subtype, the same order as by time, which more indexes give
            case SUBTYPE -> criteria.subtype() != null ? ""
                    : "p.predictedSubtype" + direction + ", ";
            case CONFIDENCE -> "p.confidence" + direction + ", ";
            case PATIENT -> "p.patientExternalId" + direction + ", ";
        };
        return " order by " + column + "p.predictedAt" + direction + ", p.id" + direction;
    }

    private static PredictionLine line(Object[] row) {
        Object diagnosis = row[4];
        return new PredictionLine((Long) row[0], (Long) row[1], (String) row[2],
                (String) row[3], diagnosis == null ? null : ((Enum<?>) diagnosis).name(),
                (String) row[5], (Double) row[6], (Double) row[7], (Double) row[8],
                (Double) row[9], (Integer) row[10], (Boolean) row[11], (LocalDateTime) row[12],
                (Boolean) row[13], (Boolean) row[14], (String) row[15], (Boolean) row[16],
                (Long) row[17], (String) row[18]);
    }

    /** The where clause of the list's queries and its parameters, built from the criteria. */
    private static final class ListQuery {

        /**
         * Up to this many patients matching a text, reading them first is quicker than
         * reading predictions in the sort's order until a page of them matches: about
         * sqrt(25 / 3 x the patients in scope) for pages of 25 and three predictions a patient.
         */
        private static final int FEW_PATIENTS = 1000;

        private final StringBuilder where = new StringBuilder(" where pa.removedAt is null");
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final boolean byUpload;

        /**
         * @param ordered true for a page, read in the sort's order; false for a count, which
         *     the database may read in any order
         */
        ListQuery(EntityManager em, PredictionScope scope, PredictionCriteria c,
                boolean ordered) {
            byUpload = c.uploadId() != null;
            if (!scope.isEveryone()) {
                add("p.owner = :owner", "owner", scope.owner());
            }
            c.textPrefixPattern().ifPresent(pattern -> text(em, scope, pattern, ordered));
            if (c.subtype() != null) {
                add("p.predictedSubtype = :subtype", "subtype", c.subtype());
            }
            if (c.minConfidence() != null) {
                add("p.confidence >= :minConfidence", "minConfidence", c.minConfidence());
            }
            if (c.maxConfidence() != null) {
                add("p.confidence <= :maxConfidence", "maxConfidence", c.maxConfidence());
            }
            if (c.from() != null) {
                add("p.predictedAt >= :from", "from", c.from().atStartOfDay());
            }
            if (c.to() != null) {
                add("p.predictedAt < :to", "to", c.to().plusDays(1).atStartOfDay());
            }
            if (c.modelVersion() != null) {
                // by id, so that (owner_id, model_version_id, predicted_at) gives the order
                add("p.modelVersion.id = (select m.id from ModelVersion m"
                        + " where m.version = :modelVersion)", "modelVersion", c.modelVersion());
            }
            if (c.uploadId() != null) {
                add("pn.upload.id = :upload", "upload", c.uploadId());
            }
            if (c.diagnosed() != null) {
                where.append(" and ").append(keepingPredictionFirst(c.diagnosed()
                        ? "pa.confirmedDiagnosis is not null" : "pa.confirmedDiagnosis is null",
                        "pa"));
            }
        }

        /**
         * The text filter, in the form that reads least. The patients whose identifier or
         * name begins with the text are looked up first, from the indexes on
         * (owner_id, external_id) and (owner_id, full_name), up to {@value #FEW_PATIENTS}:
         * when there are fewer, their predictions are read through ix_prediction_patient_time
         * and sorted (a few thousand rows at most); when there are more, the text matches so
         * many patients that reading predictions in the sort's order finds a page sooner
         * (a count then starts from the patients all the same).
         */
        private void text(EntityManager em, PredictionScope scope, String pattern,
                boolean ordered) {
            String matches = "(pa.externalId like :text escape '" + PredictionCriteria.LIKE_ESCAPE
                    + "' or pa.fullName like :text escape '" + PredictionCriteria.LIKE_ESCAPE
                    + "')";
            TypedQuery<Long> patients = em.createQuery("select pa.id from Patient pa where "
                    + matches + (scope.isEveryone() ? "" : " and pa.owner = :owner"), Long.class)
                    .setParameter("text", pattern)
                    .setMaxResults(FEW_PATIENTS);
            if (!scope.isEveryone()) {
                patients.setParameter("owner", scope.owner());
            }
            List<Long> ids = patients.getResultList();
            if (ids.size() < FEW_PATIENTS) {
                add("p.patient.id in :patients", "patients", ids.isEmpty() ? List.of(-1L) : ids);
            } else if (ordered) {
                add(keepingPredictionFirst(matches, "pa"), "text", pattern);
            } else {
                // a count stops at its limit or reads every match: from the patients it reads
                // only theirs
                add(matches + (scope.isEveryone() ? "" : " and pa.owner = :owner"), "text",
                        pattern);
            }
        }

        /**
         * {@code condition} on a joined table, written so that the join stays an outer one:
         * MariaDB then reads prediction first, along the index of the sort, and stops after
         * the page. A plain condition on the joined table would let it start from that table
         * (the model version, the patients with a diagnosis) and sort all its predictions,
         * seconds for a doctor with 400,000 of them. The joined row always exists (foreign
         * keys), so the added alternative never holds.
         */
        private static String keepingPredictionFirst(String condition, String joined) {
            return "(" + condition + " or " + joined + ".id is null)";
        }

        private void add(String condition, String name, Object value) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }

        /**
         * The tables the criteria need. Left joins keep prediction first, read along the
         * sort's index, unless a condition on the joined table makes it an inner join.
         */
        String from() {
            return " from Prediction p left join p.patient pa"
                    + (byUpload ? " left join p.panel pn" : "");
        }

        String where() {
            return where.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    /** The predictions for {@code patient}, newest first. */
    public List<Prediction> forPatient(Patient patient) {
        return em.createQuery("select p from Prediction p join fetch p.modelVersion"
                        + " where p.patient = :patient order by p.predictedAt desc, p.id desc",
                        Prediction.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    /** The prediction made for {@code panel}, if any. */
    public Optional<Prediction> forPanel(LabPanel panel) {
        return em.createQuery("select p from Prediction p where p.panel = :panel",
                        Prediction.class)
                .setParameter("panel", panel)
                .getResultStream()
                .findFirst();
    }
}
