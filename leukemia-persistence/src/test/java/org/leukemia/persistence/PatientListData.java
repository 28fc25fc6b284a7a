package org.leukemia.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Fills a migrated, empty database with a hospital's worth of predictions for the patient
 * list benchmark, in multi-row JDBC batches (not through JPA, which would take far longer).
 *
 * <p>The spread: 20 doctors, of whom {@code bench_doctor_01} holds 40 % of the predictions and
 * {@code bench_doctor_20} about 0.1 % (one upload in 50, of 50 to 110 rows), the others
 * sharing the rest; one auditor. Predictions arrive
 * by upload (50 to 3,000 rows each), in time order over three years; each row is a new patient
 * a third of the time, else one of the doctor's earlier patients, so a patient has about
 * three panels. Three model versions follow each other in time (40 %, 35 %, 25 % of the span).
 * The suggested subtype is AML, ALL or APL in 55 / 35 / 10 %; confidence leans towards 1.
 * 10 % of the patients have a confirmed diagnosis and 0.2 % are removed.
 */
final class PatientListData {

    /** Number of doctors; the first is the big one, the last the small one. */
    static final int DOCTORS = 20;
    /** Id of the auditor's account. */
    static final long AUDITOR_ID = DOCTORS + 1;
    /** The hospital identifiers: {@code H} and eight digits. */
    static final String IDENTIFIER_FORMAT = "H%08d";
    /** Surnames of the generated patients, upper case as hospitals write them. */
    static final String[] SURNAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT",
        "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE",
        "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD", "BONNET", "DUPONT",
        "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
        "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND",
        "GAUTHIER", "GARCIA", "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY",
        "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON"};
    private static final String[] FIRST_NAMES = {"Jean", "Marie", "Pierre", "Anne", "Louis",
        "Claire", "Paul", "Julie", "Luc", "Sophie", "Marc", "Emma", "Hugo", "Lea", "Jules",
        "Chloe", "Noah", "Ines", "Adam", "Lina"};
    private static final String[] SUBTYPES = {"AML", "ALL", "APL"};
    private static final LocalDateTime START = LocalDateTime.of(2023, 1, 2, 8, 0);
    private static final long SPAN_SECONDS = 3L * 365 * 24 * 3600;
    private static final int BATCH = 2000;
    private static final Logger LOG = Logger.getLogger(PatientListData.class.getName());

    private final int predictions;
    private final Random random = new Random(20261204L);
    private final List<List<Long>> patientsOf = new ArrayList<>();
    /** What each prediction copies of its patient, by patient id (0 unused). */
    private final List<String> names = new ArrayList<>(List.of(""));
    private final BitSet diagnosedPatients = new BitSet();
    private final BitSet removedPatients = new BitSet();
    private long nextPatient = 1;
    private long nextPrediction = 1;
    private long removed;
    private long diagnosed;

    private PatientListData(int predictions) {
        this.predictions = predictions;
        for (int d = 0; d < DOCTORS; d++) {
            patientsOf.add(new ArrayList<>());
        }
    }

    /**
     * Fills {@code dataSource}'s database with {@code predictions} predictions.
     *
     * @return what was written, for the benchmark's report
     */
    static String fill(DataSource dataSource, int predictions) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return new PatientListData(predictions).write(connection);
        }
    }

    private String write(Connection connection) throws SQLException {
        writeAccountsAndModels(connection);
        Rows rows = new Rows(connection);
        long uploadId = 0;
        double[] shares = shares();
        while (nextPrediction <= predictions) {
            // the small doctor sends every 50th upload, of 50 to 110 rows
            boolean small = uploadId % 50 == 49;
            int doctor = small ? DOCTORS - 1 : pick(shares);
            int size = Math.min(small ? 50 + random.nextInt(61) : 50 + random.nextInt(2951),
                    (int) (predictions - nextPrediction + 1));
            LocalDateTime at = START.plusSeconds(SPAN_SECONDS * (nextPrediction - 1)
                    / predictions);
            uploadId++;
            rows.upload(uploadId, doctor + 1, at, size);
            for (int row = 0; row < size; row++) {
                long patient = patientFor(doctor, rows);
                LocalDateTime predictedAt = at.plusNanos(1_000_000L * row);
                rows.panelAndPrediction(nextPrediction++, patient, doctor + 1, uploadId,
                        row + 2, modelFor(at), predictedAt);
            }
            rows.flushIfFull();
        }
        rows.flush();
        try (Statement statement = connection.createStatement()) {
            // later ids handed out through JPA or the batch writer come after these
            statement.executeUpdate("UPDATE id_generator SET next_value = "
                    + (nextPrediction + nextPatient + uploadId + 100));
            statement.execute("ANALYZE TABLE patient, prediction, lab_panel, upload");
        }
        connection.commit();
        String summary = String.format("%,d predictions of %,d patients (%,d diagnosed,"
                + " %,d removed) in %,d uploads", nextPrediction - 1, nextPatient - 1,
                diagnosed, removed, uploadId);
        LOG.info(summary);
        return summary;
    }

    /** Share of the other uploads' rows of each doctor but the small one. */
    private static double[] shares() {
        double[] shares = new double[DOCTORS - 1];
        shares[0] = 0.40;
        for (int d = 1; d < DOCTORS - 1; d++) {
            shares[d] = (1 - 0.40) / (DOCTORS - 2);
        }
        return shares;
    }

    private int pick(double[] shares) {
        double r = random.nextDouble();
        for (int d = 0; d < shares.length; d++) {
            r -= shares[d];
            if (r < 0) {
                return d;
            }
        }
        return 0;
    }

    private static long modelFor(LocalDateTime at) {
        long seconds = java.time.Duration.between(START, at).getSeconds();
        return seconds < SPAN_SECONDS * 0.40 ? 1 : seconds < SPAN_SECONDS * 0.75 ? 2 : 3;
    }

    private long patientFor(int doctor, Rows rows) throws SQLException {
        List<Long> known = patientsOf.get(doctor);
        if (!known.isEmpty() && random.nextInt(3) != 0) {
            return known.get(random.nextInt(known.size()));
        }
        long id = nextPatient++;
        known.add(id);
        String diagnosis = null;
        if (random.nextInt(10) == 0) {
            diagnosis = random.nextInt(20) == 0 ? "OTHER" : SUBTYPES[random.nextInt(3)];
            diagnosed++;
        }
        boolean isRemoved = random.nextInt(500) == 0;
        if (isRemoved) {
            removed++;
        }
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " "
                + FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        names.add(name);
        diagnosedPatients.set((int) id, diagnosis != null);
        removedPatients.set((int) id, isRemoved);
        rows.patient(id, doctor + 1, identifier(id), name,
                LocalDate.of(1940, 1, 1).plusDays(random.nextInt(80 * 365)), diagnosis,
                isRemoved);
        return id;
    }

    /** The hospital identifier of the generated patient {@code id}: unique, in no order. */
    static String identifier(long id) {
        return String.format(IDENTIFIER_FORMAT, id * 7919 % 100_000_000);
    }

    private void writeAccountsAndModels(Connection connection) throws SQLException {
        Timestamp now = Timestamp.valueOf(START);
        try (PreparedStatement users = connection.prepareStatement("INSERT INTO user_account"
                + " (id, username, password_hash, display_name, enabled, created_at)"
                + " VALUES (?, ?, 'x', ?, TRUE, ?)");
                PreparedStatement roles = connection.prepareStatement(
                        "INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
            for (long id = 1; id <= AUDITOR_ID; id++) {
                boolean auditor = id == AUDITOR_ID;
                String name = auditor ? "bench_auditor" : String.format("bench_doctor_%02d", id);
                users.setLong(1, id);
                users.setString(2, name);
                users.setString(3, name);
                users.setTimestamp(4, now);
                users.addBatch();
                roles.setLong(1, id);
                roles.setString(2, auditor ? "AUDITOR" : "DOCTOR");
                roles.addBatch();
            }
            users.executeBatch();
            roles.executeBatch();
        }
        try (PreparedStatement models = connection.prepareStatement("INSERT INTO model_version"
                + " (id, version, training_source, synthetic_training_data, active, created_at,"
                + " training_data_sha256, provenance_json, metadata_json, content)"
                + " VALUES (?, ?, 'benchmark', TRUE, ?, ?, ?, '{}', '{}', ?)")) {
            for (int v = 1; v <= 3; v++) {
                models.setLong(1, v);
                models.setInt(2, v);
                models.setBoolean(3, v == 3);
                models.setTimestamp(4, now);
                models.setString(5, "ab".repeat(32));
                models.setBytes(6, new byte[] {1});
                models.addBatch();
            }
            models.executeBatch();
        }
    }

    /** The rows waiting to be sent, parents before children. */
    private final class Rows {

        private final Connection connection;
        private final PreparedStatement uploads;
        private final PreparedStatement patients;
        private final PreparedStatement panels;
        private final PreparedStatement predictionRows;
        private int pending;

        Rows(Connection connection) throws SQLException {
            this.connection = connection;
            uploads = connection.prepareStatement("INSERT INTO upload (id, owner_id, file_name,"
                    + " sha256, size_bytes, uploaded_at, rows_read, rows_stored, rows_rejected)"
                    + " VALUES (?, ?, ?, ?, 1000, ?, ?, ?, 0)");
            patients = connection.prepareStatement("INSERT INTO patient (id, external_id,"
                    + " owner_id, sex, created_at, full_name, birth_date, confirmed_diagnosis,"
                    + " removed_at, removed_by) VALUES (?, ?, ?, 'UNKNOWN', ?, ?, ?, ?, ?, ?)");
            panels = connection.prepareStatement("INSERT INTO lab_panel (id, patient_id,"
                    + " upload_id, source_row, age_years, received_at) VALUES (?, ?, ?, ?, 50, ?)");
            predictionRows = connection.prepareStatement("INSERT INTO prediction (id, panel_id,"
                    + " patient_id, model_version_id, predicted_subtype, probability_all,"
                    + " probability_aml, probability_apl, confidence, predicted_at, confident,"
                    + " out_of_distribution, owner_id, patient_external_id, patient_name,"
                    + " patient_diagnosed, patient_removed)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?)");
        }

        void upload(long id, long owner, LocalDateTime at, int size) throws SQLException {
            uploads.setLong(1, id);
            uploads.setLong(2, owner);
            uploads.setString(3, "labs-" + id + ".xlsx");
            uploads.setString(4, String.format("%064x", id));
            uploads.setTimestamp(5, Timestamp.valueOf(at));
            uploads.setInt(6, size);
            uploads.setInt(7, size);
            uploads.addBatch();
        }

        void patient(long id, long owner, String identifier, String name, LocalDate born,
                String diagnosis, boolean isRemoved) throws SQLException {
            patients.setLong(1, id);
            patients.setString(2, identifier);
            patients.setLong(3, owner);
            patients.setTimestamp(4, Timestamp.valueOf(START));
            patients.setString(5, name);
            patients.setObject(6, born);
            patients.setString(7, diagnosis);
            patients.setTimestamp(8, isRemoved ? Timestamp.valueOf(START) : null);
            if (isRemoved) {
                patients.setLong(9, owner);
            } else {
                patients.setNull(9, java.sql.Types.BIGINT);
            }
            patients.addBatch();
        }

        void panelAndPrediction(long id, long patient, long owner, long upload, int row,
                long model, LocalDateTime at) throws SQLException {
            Timestamp time = Timestamp.valueOf(at);
            panels.setLong(1, id);
            panels.setLong(2, patient);
            panels.setLong(3, upload);
            panels.setInt(4, row);
            panels.setTimestamp(5, time);
            panels.addBatch();

            double r = random.nextDouble();
            int subtype = r < 0.55 ? 0 : r < 0.90 ? 1 : 2;
            double confidence = 1 - 0.64 * Math.pow(random.nextDouble(), 2);
            double[] p = new double[3];
            p[subtype] = confidence;
            double share = random.nextDouble();
            p[(subtype + 1) % 3] = (1 - confidence) * share;
            p[(subtype + 2) % 3] = (1 - confidence) * (1 - share);
            predictionRows.setLong(1, id);
            predictionRows.setLong(2, id);
            predictionRows.setLong(3, patient);
            predictionRows.setLong(4, model);
            predictionRows.setString(5, SUBTYPES[subtype]);
            predictionRows.setDouble(6, p[1]);
            predictionRows.setDouble(7, p[0]);
            predictionRows.setDouble(8, p[2]);
            predictionRows.setDouble(9, confidence);
            predictionRows.setTimestamp(10, time);
            predictionRows.setBoolean(11, confidence > 0.97);
            predictionRows.setLong(12, owner);
            predictionRows.setString(13, identifier(patient));
            predictionRows.setString(14, names.get((int) patient));
            predictionRows.setBoolean(15, diagnosedPatients.get((int) patient));
            predictionRows.setBoolean(16, removedPatients.get((int) patient));
            predictionRows.addBatch();
            pending++;
        }

        void flushIfFull() throws SQLException {
            if (pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            uploads.executeBatch();
            patients.executeBatch();
            panels.executeBatch();
            predictionRows.executeBatch();
            connection.commit();
            pending = 0;
        }
    }
}
