package org.leukemia.persistence.prediction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.Collection;
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

    /**
     * Up to this many patients matching a text, reading them first is quicker than reading
     * predictions in the sort's order until a page of them matches: about
     * sqrt(25 / 3 x the patients in scope) for pages of 25 and three predictions a patient.
     */
    static final int FEW_PATIENTS = 1000;

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    private int fewPatients = FEW_PATIENTS;

    /** For CDI only. */
    protected PredictionRepository() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public PredictionRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * For use outside a container, with another number of patients matching a text up to
     * which the list reads them first (see {@link #search}): with 1, every text that matches
     * a patient is matched against the predictions' copies of the identifier and the name.
     */
    public PredictionRepository(EntityManager em, int fewPatients) {
        this(em);
        if (fewPatients < 1) {
            throw new IllegalArgumentException("fewPatients must be >= 1: " + fewPatients);
        }
        this.fewPatients = fewPatients;
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
     * <p>The query reads prediction alone (with the panel for the upload filter), along the
     * index that gives {@code sort}'s order within the scope, and stops after the page; see
     * migrations V6 and V10.
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
        ListQuery query = new ListQuery(em, scope, criteria, Objects.requireNonNull(sort, "sort"),
                fewPatients);
        // the page's ids first, reading no more than the criteria and the order need; then
        // the 25 or so lines themselves
        List<Long> ids = query.bind(em.createQuery("select p.id" + query.from() + query.where()
                        + query.orderBy(), Long.class))
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
        ListQuery query = new ListQuery(em, scope, criteria, null, fewPatients);
        return query.bind(em.createQuery("select p.id" + query.from() + query.where(),
                        Long.class))
                .setMaxResults(limit)
                .getResultList()
                .size();
    }

    /**
     * Copies again, from the patient rows as they stand, what each prediction of these
     * patients keeps of its patient for the list: the owner, the name, whether a diagnosis is
     * confirmed and whether the patient was removed. Call it in the transaction that changes
     * any of them (an assignment to another doctor, a name recorded or corrected, a diagnosis
     * recorded or withdrawn, a removal); the pending changes are written first. Predictions
     * already loaded in this persistence context keep the values they were read with.
     *
     * @param patients stored patients; any number
     * @return how many predictions were written
     */
    public int followPatients(Collection<Patient> patients) {
        Objects.requireNonNull(patients, "patients");
        List<Long> ids = patients.stream()
                .map(p -> Objects.requireNonNull(p.getId(), "a patient not stored yet"))
                .distinct().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.flush();
        int written = 0;
        for (int from = 0; from < ids.size(); from += FOLLOW_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + FOLLOW_BATCH));
            StringBuilder in = new StringBuilder();
            for (int i = 1; i <= batch.size(); i++) {
                in.append(i == 1 ? "?" : ", ?").append(i);
            }
            Query update = em.createNativeQuery(FOLLOW_PATIENTS + " (" + in + ")");
            for (int i = 0; i < batch.size(); i++) {
                update.setParameter(i + 1, batch.get(i));
            }
            written += update.executeUpdate();
        }
        return written;
    }

    /** {@link #followPatients} for one patient. */
    public int followPatient(Patient patient) {
        return followPatients(List.of(Objects.requireNonNull(patient, "patient")));
    }

    /** Patients followed by one statement of {@link #followPatients}. */
    private static final int FOLLOW_BATCH = 500;

    /** The copies of migration V10 (and V6's owner), from the patient row; then the ids. */
    private static final String FOLLOW_PATIENTS = "UPDATE prediction SET"
            + " owner_id = (SELECT pa.owner_id FROM patient pa"
            + " WHERE pa.id = prediction.patient_id),"
            + " patient_name = (SELECT pa.full_name FROM patient pa"
            + " WHERE pa.id = prediction.patient_id),"
            + " patient_diagnosed = (SELECT CASE WHEN pa.confirmed_diagnosis IS NULL"
            + " THEN 0 ELSE 1 END FROM patient pa WHERE pa.id = prediction.patient_id),"
            + " patient_removed = (SELECT CASE WHEN pa.removed_at IS NULL THEN 0 ELSE 1"
            + " END FROM patient pa WHERE pa.id = prediction.patient_id)"
            + " WHERE prediction.patient_id IN";

    private static PredictionLine line(Object[] row) {
        Object diagnosis = row[4];
        return new PredictionLine((Long) row[0], (Long) row[1], (String) row[2],
                (String) row[3], diagnosis == null ? null : ((Enum<?>) diagnosis).name(),
                (String) row[5], (Double) row[6], (Double) row[7], (Double) row[8],
                (Double) row[9], (Integer) row[10], (Boolean) row[11], (LocalDateTime) row[12],
                (Boolean) row[13], (Boolean) row[14], (String) row[15], (Boolean) row[16],
                (Long) row[17], (String) row[18]);
    }

    /**
     * The where clause of the list's queries and its parameters, built from the criteria.
     *
     * <p>Every condition is on prediction itself, which carries what the list needs of the
     * patient (migration V10): a page is read along the index of its sort, a count along the
     * index that the conditions narrow most, and each index ends with the removal and the
     * diagnosis, so that checking them reads no table row. Only a count by a text that many
     * patients match reads the patients first, and only the upload filter reads the panels.
     */
    private static final class ListQuery {

        private final StringBuilder where = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final PredictionSort sort;
        private final PredictionCriteria criteria;
        private final PredictionScope scope;
        private final boolean byUpload;
        private final boolean bySubtypeFirst;
        private final int fewPatients;
        private boolean byPatient;

        /**
         * @param sort the order of a page, read in that order; null for a count, which the
         *     database may read in any order
         * @param fewPatients see {@link PredictionRepository#FEW_PATIENTS}
         */
        ListQuery(EntityManager em, PredictionScope scope, PredictionCriteria c,
                PredictionSort sort, int fewPatients) {
            boolean ordered = sort != null;
            this.sort = sort;
            this.criteria = c;
            this.scope = scope;
            byUpload = c.uploadId() != null;
            bySubtypeFirst = ordered && c.subtype() != null
                    && sort.column() != PredictionSort.Column.PATIENT;
            this.fewPatients = fewPatients;
            // for a page, ranges of one value: see orderBy (MariaDB reads a BETWEEN of one
            // value as an equality)
            if (!scope.isEveryone()) {
                if (ordered) {
                    add("p.ownerId >= :owner and p.ownerId <= :owner", "owner",
                            scope.owner().getId());
                } else {
                    add("p.owner = :owner", "owner", scope.owner());
                }
            }
            if (bySubtypeFirst) {
                add("p.predictedSubtype >= :subtype and p.predictedSubtype <= :subtype",
                        "subtype", c.subtype());
            } else if (c.subtype() != null) {
                add("p.predictedSubtype = :subtype", "subtype", c.subtype());
            }
            c.textPrefixPattern().ifPresent(pattern -> text(em, scope, pattern, ordered));
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
                add("p.patientDiagnosed = :diagnosed", "diagnosed", c.diagnosed());
            }
        }

        /**
         * The text filter, in the form that reads least. The patients whose identifier or
         * name begins with the text are looked up first, from the indexes on
         * (owner_id, external_id) and (owner_id, full_name), up to {@code fewPatients}
         * ({@link PredictionRepository#FEW_PATIENTS}): when there are fewer, their
         * predictions are read through ix_prediction_patient_time
         * and sorted (a few thousand rows at most); when there are more, the text matches so
         * many patients that reading predictions in the sort's order, matching the copies of
         * the identifier and the name, finds a page sooner (a count then starts from the
         * patients all the same).
         */
        private void text(EntityManager em, PredictionScope scope, String pattern,
                boolean ordered) {
            TypedQuery<Long> patients = em.createQuery("select pa.id from Patient pa where "
                    + matches("pa.externalId", "pa.fullName")
                    + (scope.isEveryone() ? "" : " and pa.owner = :owner"), Long.class)
                    .setParameter("text", pattern)
                    .setMaxResults(fewPatients);
            if (!scope.isEveryone()) {
                patients.setParameter("owner", scope.owner());
            }
            List<Long> ids = patients.getResultList();
            if (ids.size() < fewPatients) {
                add("p.patient.id in :patients", "patients", ids.isEmpty() ? List.of(-1L) : ids);
            } else if (ordered) {
                add(matches("p.patientExternalId", "p.patientName"), "text", pattern);
            } else {
                // a count stops at its limit or reads every match: from the patients it reads
                // only theirs
                byPatient = true;
                add(matches("pa.externalId", "pa.fullName")
                        + (scope.isEveryone() ? "" : " and pa.owner = :owner"), "text", pattern);
            }
        }

        private static String matches(String identifier, String name) {
            String escape = " escape '" + PredictionCriteria.LIKE_ESCAPE + "'";
            return "(" + identifier + " like :text" + escape + " or " + name + " like :text"
                    + escape + ")";
        }

        private void add(String condition, String name, Object value) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }

        /**
         * The order of a page: the sort's column, then the time, then the id, as the list's
         * indexes give them; for a doctor, after the owner, and with one subtype, after the
         * subtype (except by patient, which has no index by subtype).
         *
         * <p>The owner and the subtype are then conditions of a range of one value rather
         * than equalities, and lead the order, which is the same order: only the index that
         * begins with them and the sort's column gives it, and MariaDB reads it as a range
         * from the first row that the conditions on the next column allow. Written as
         * equalities, MariaDB may read a page from another index that gives the order (the
         * auditor's, checking the owner on each row), or from the right index by the equal
         * values alone and, backwards, from the highest confidence down, checking a
         * confidence range on each row: 120,000 rows for a doctor's "AML, confidence <= 80
         * %" with a text, where the range reads 1,400.
         */
        String orderBy() {
            String direction = sort.ascending() ? " asc" : " desc";
            String column = switch (sort.column()) {
                case PREDICTED_AT -> "";
                // of one subtype, the same order as by time
                case SUBTYPE -> bySubtypeFirst ? "" : "p.predictedSubtype" + direction + ", ";
                case CONFIDENCE -> "p.confidence" + direction + ", ";
                case PATIENT -> "p.patientExternalId" + direction + ", ";
            };
            if (bySubtypeFirst) {
                column = "p.predictedSubtype" + direction + ", " + column;
            }
            return " order by " + (scope.isEveryone() ? "" : "p.ownerId" + direction + ", ")
                    + column + "p.predictedAt" + direction + ", p.id" + direction;
        }

        /** The tables the criteria need: prediction, and the panel or the patient if asked. */
        String from() {
            return " from Prediction p" + (byPatient ? " join p.patient pa" : "")
                    + (byUpload ? " join p.panel pn" : "");
        }

        /**
         * The conditions, after the removal: the copy on prediction, in every index of the
         * list; or the patient's own when the patients are read first, as the index from
         * them to their predictions has no copy.
         */
        String where() {
            return (byPatient ? " where pa.removedAt is null"
                    : " where p.patientRemoved = :removed") + where;
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (!byPatient) {
                query.setParameter("removed", false);
            }
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
