package org.leukemia.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.leukemia.persistence.patient.LabPanel;
import org.leukemia.persistence.patient.LabResult;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.prediction.Assessment;
import org.leukemia.persistence.prediction.Prediction;
import org.leukemia.persistence.upload.RowIssue;
import org.leukemia.persistence.upload.Upload;

/**
 * Writes the new rows of an upload (patients, lab panels with their results, predictions, and
 * the issues of its rows) in JDBC batches, on the connection of the current transaction, so that they commit or roll back
 * with everything else in it.
 *
 * <p>The entities are built as usual, so their constructors check them; only their writing
 * bypasses the persistence context, which costs several times more per row than the database
 * itself for the tens of thousands of rows of a large upload. Ids come from the tables
 * EclipseLink takes them from, in the same way, so rows written here and through JPA never
 * collide. The
 * entities written stay unmanaged (their ids are not set); find them again through the
 * repositories, which read them from the same transaction. The statements name the columns of
 * the entities' mappings, and a test compares what they write with what JPA reads back.
 */
@ApplicationScoped
public class BatchWriter {

    private static final String PATIENT = "INSERT INTO patient"
            + " (id, external_id, owner_id, sex, created_at, full_name)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String PANEL = "INSERT INTO lab_panel"
            + " (id, patient_id, upload_id, source_row, age_years, received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String RESULT = "INSERT INTO lab_result"
            + " (panel_id, parameter, result_value, unit, received_value, received_unit)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String PREDICTION = "INSERT INTO prediction"
            + " (id, panel_id, patient_id, model_version_id, predicted_subtype,"
            + " probability_all, probability_aml, probability_apl, confidence, notes,"
            + " predicted_at, confident, out_of_distribution, unusual_reasons, contributions,"
            + " owner_id, patient_external_id, patient_name, patient_diagnosed, patient_removed,"
            + " suggestion_withheld)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String ISSUE = "INSERT INTO upload_row_issue"
            + " (upload_id, issue_no, row_no, column_name, message, severity)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    /** JNDI name of the data source that ids are reserved on, outside any transaction. */
    public static final String ID_DATA_SOURCE = "java:app/jdbc/leukemia-ids";

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** Ids reserved at a time, outside transactions; those unused at shutdown are skipped. */
    private static final int RESERVED_BLOCK = 5000;

    @Resource(lookup = ID_DATA_SOURCE)
    DataSource ids;

    /** The ids reserved and not yet used, by id table row. */
    private final Map<String, Ids> reserved = new java.util.HashMap<>();

    /** For CDI only. */
    protected BatchWriter() {
    }

    /**
     * For use outside a container, with an entity manager the caller manages; ids are then
     * reserved in the caller's transaction.
     */
    public BatchWriter(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * Writes predictions with their panels and results, and the panels' patients that are new
     * (not yet stored: no id). A patient, panel or prediction is written once, however often
     * it occurs.
     *
     * @param predictions new predictions; their panels are new too
     * @throws jakarta.persistence.PersistenceException when the database refuses a row; the
     *     transaction must then be rolled back
     */
    public void write(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        Map<Patient, Long> patientIds = new IdentityHashMap<>();
        Map<LabPanel, Long> panelIds = new IdentityHashMap<>();
        try (PreparedStatement patients = connection.prepareStatement(PATIENT);
                PreparedStatement panels = connection.prepareStatement(PANEL);
                PreparedStatement results = connection.prepareStatement(RESULT);
                PreparedStatement rows = connection.prepareStatement(PREDICTION)) {
            Ids patientSequence = reserve("patient", (int) predictions.stream()
                    .map(Prediction::getPatient).filter(p -> p.getId() == null).distinct()
                    .count(), connection);
            Ids panelSequence = reserve("lab_panel", predictions.size(), connection);
            Ids predictionSequence = reserve("prediction", predictions.size(), connection);
            for (Prediction p : predictions) {
                long patientId = patientId(p.getPatient(), patientIds, patientSequence,
                        patients);
                long panelId = panelSequence.next();
                if (panelIds.put(p.getPanel(), panelId) != null) {
                    throw new IllegalArgumentException("panel predicted twice: " + p.getPanel());
                }
                addPanel(panels, panelId, patientId, p.getPanel());
                for (LabResult r : p.getPanel().getResults()) {
                    results.setLong(1, panelId);
                    results.setString(2, r.getParameter());
                    results.setDouble(3, r.getValue());
                    results.setString(4, r.getUnit());
                    results.setString(5, r.getReceivedValue());
                    results.setString(6, r.getReceivedUnit());
                    results.addBatch();
                }
                addPrediction(rows, predictionSequence.next(), panelId, patientId, p);
            }
            // parents before children, for the foreign keys
            patients.executeBatch();
            panels.executeBatch();
            results.executeBatch();
            rows.executeBatch();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException(
                    "Could not write " + predictions.size() + " predictions: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Writes issues of an upload after those already written, numbered on from
     * {@code firstNumber} (the issues are a list, in the order of their numbers from 0).
     *
     * @param upload the stored upload
     * @param firstNumber the number of the first issue: how many were written before
     * @param issues the issues, in row order
     */
    public void writeIssues(Upload upload, int firstNumber, List<RowIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(ISSUE)) {
            int number = firstNumber;
            for (RowIssue issue : issues) {
                statement.setLong(1, upload.getId());
                statement.setInt(2, number++);
                statement.setInt(3, issue.getRowNumber());
                statement.setString(4, issue.getColumn());
                statement.setString(5, issue.getMessage());
                statement.setString(6, issue.getSeverity().name());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException(
                    "Could not write " + issues.size() + " row issues: " + e.getMessage(), e);
        }
    }

    /**
     * Reserves ids on a connection of their own, committed at once, or, outside a container,
     * in the transaction of {@code connection}.
     */
    private Ids reserve(String name, int count, Connection connection) throws SQLException {
        if (ids == null) {
            return Ids.reserve(connection, name, count);
        }
        synchronized (reserved) {
            Ids pool = reserved.get(name);
            if (pool == null || pool.remaining() < count) {
                // a block for several chunks at once: each reservation is a commit of its own
                pool = reserveCommitted(name, Math.max(count, RESERVED_BLOCK));
                reserved.put(name, pool);
            }
            return pool.take(count);
        }
    }

    private Ids reserveCommitted(String name, int count) throws SQLException {
        try (Connection own = ids.getConnection()) {
            own.setAutoCommit(false);
            try {
                Ids block = Ids.reserve(own, name, count);
                own.commit();
                return block;
            } catch (SQLException | RuntimeException e) {
                own.rollback();
                throw e;
            }
        }
    }

    private static long patientId(Patient patient, Map<Patient, Long> ids, Ids sequence,
            PreparedStatement statement) throws SQLException {
        if (patient.getId() != null) {
            return patient.getId();
        }
        Long known = ids.get(patient);
        if (known != null) {
            return known;
        }
        long id = sequence.next();
        ids.put(patient, id);
        statement.setLong(1, id);
        statement.setString(2, patient.getExternalId());
        statement.setLong(3, patient.getOwner().getId());
        statement.setString(4, patient.getSex().name());
        statement.setObject(5, patient.getCreatedAt());
        statement.setString(6, patient.getFullName());
        statement.addBatch();
        return id;
    }

    private static void addPanel(PreparedStatement statement, long id, long patientId,
            LabPanel panel) throws SQLException {
        statement.setLong(1, id);
        statement.setLong(2, patientId);
        if (panel.getUpload() == null) {
            statement.setNull(3, Types.BIGINT);
        } else {
            statement.setLong(3, panel.getUpload().getId());
        }
        if (panel.getSourceRow() == null) {
            statement.setNull(4, Types.INTEGER);
        } else {
            statement.setInt(4, panel.getSourceRow());
        }
        if (panel.getAgeYears() == null) {
            statement.setNull(5, Types.DOUBLE);
        } else {
            statement.setDouble(5, panel.getAgeYears());
        }
        statement.setObject(6, panel.getReceivedAt());
        statement.addBatch();
    }

    private static void addPrediction(PreparedStatement statement, long id, long panelId,
            long patientId, Prediction p) throws SQLException {
        Assessment assessment = p.getAssessment();
        statement.setLong(1, id);
        statement.setLong(2, panelId);
        statement.setLong(3, patientId);
        statement.setLong(4, p.getModelVersion().getId());
        statement.setString(5, p.getPredictedSubtype());
        statement.setDouble(6, p.getProbabilityAll());
        statement.setDouble(7, p.getProbabilityAml());
        statement.setDouble(8, p.getProbabilityApl());
        statement.setDouble(9, p.getConfidence());
        statement.setString(10, p.getNotes());
        statement.setObject(11, p.getPredictedAt());
        statement.setBoolean(12, assessment.isConfident());
        statement.setBoolean(13, assessment.isOutOfDistribution());
        statement.setString(14, assessment.getUnusualReasons());
        statement.setString(15, assessment.getContributionsJson());
        // the patient's copies as the patient stands now: a later row of the same chunk may
        // have given a new patient its name
        Patient patient = p.getPatient();
        statement.setLong(16, patient.getOwner().getId());
        statement.setString(17, patient.getExternalId());
        statement.setString(18, patient.getFullName());
        statement.setBoolean(19, patient.getConfirmedDiagnosis() != null);
        statement.setBoolean(20, patient.isRemoved());
        statement.setBoolean(21, assessment.isWithheld());
        statement.addBatch();
    }

    /**
     * A block of ids taken from a row of {@code id_generator} as EclipseLink takes them (add
     * the block's size, read the new value: the ids up to it are reserved), so that they never
     * collide with the ids EclipseLink hands out. The row stays locked until the transaction
     * that reserves them ends.
     */
    private static final class Ids {

        private long next;
        private final long last;

        private Ids(long first, long last) {
            this.next = first;
            this.last = last;
        }

        static Ids reserve(Connection connection, String name, int count) throws SQLException {
            if (count == 0) {
                return new Ids(1, 0);
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE id_generator SET next_value = next_value + ? WHERE name = ?");
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT next_value FROM id_generator WHERE name = ?")) {
                update.setLong(1, count);
                update.setString(2, name);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("no id_generator row named " + name);
                }
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    long last = row.getLong(1);
                    return new Ids(last - count + 1, last);
                }
            }
        }

        long next() {
            if (next > last) {
                throw new IllegalStateException("more ids used than reserved");
            }
            return next++;
        }

        /** @return how many ids are left */
        long remaining() {
            return last - next + 1;
        }

        /** Takes the next {@code count} ids off this block, as a block of their own. */
        Ids take(int count) {
            Ids taken = new Ids(next, next + count - 1);
            next += count;
            return taken;
        }
    }
}
