package org.leukemia.ear;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.leukemia.ml.NormalisedValues;
import org.leukemia.ml.Normaliser;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.ml.TrainedModel;
import org.leukemia.persistence.SchemaMigrator;

/**
 * The naive way to ingest a workbook, for the benchmark to compare with: the whole workbook
 * read into memory (POI's user model), then each row on its own: look the patient up, predict,
 * and one INSERT statement per database row (patient, panel, each result, prediction), all in
 * one transaction. It uses the product's normaliser and model and writes the product's schema
 * in a database of its own; it checks nothing and reports nothing, so it does less than the
 * product does.
 */
final class NaiveIngestion {

    static final String DATABASE = "leukemia_it_naive";

    private final TrainedModel model;
    private static final int ID_BLOCK = 50;

    private final Normaliser normaliser = new Normaliser();
    private final Map<String, long[]> idBlocks = new HashMap<>();

    NaiveIngestion(TrainedModel model) {
        this.model = model;
    }

    /**
     * Ingests a workbook whose first row holds "Patient ID" and then parameter keys with their
     * unit in brackets, as the benchmark writes it.
     *
     * @return the number of rows stored
     */
    int ingest(byte[] workbook) throws Exception {
        String url = recreateDatabase();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook));
                Connection db = DriverManager.getConnection(url, user(), password())) {
            db.setAutoCommit(false);
            long doctor = insertDoctorAndModel(db);
            Sheet sheet = book.getSheetAt(0);
            Map<Integer, Parameter> columns = columns(sheet.getRow(0));
            int stored = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null) {
                    store(db, doctor, r + 1, row, columns);
                    stored++;
                }
            }
            db.commit();
            return stored;
        }
    }

    private void store(Connection db, long doctor, int rowNumber, Row row,
            Map<Integer, Parameter> columns) throws SQLException {
        String externalId = row.getCell(0).getStringCellValue();
        Map<Parameter, Double> raw = new EnumMap<>(Parameter.class);
        columns.forEach((c, p) -> {
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                raw.put(p, cell.getNumericCellValue());
            }
        });
        NormalisedValues values = normaliser.normalise(raw);
        SubtypePrediction prediction = model.predictAll(List.of(values.values()), false).get(0);
        long patient = findPatient(db, doctor, externalId)
                .orElseGet(() -> insertPatient(db, doctor, externalId));
        long panel = nextId(db, "lab_panel");
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO lab_panel"
                + " (id, patient_id, source_row, age_years, received_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, panel);
            insert.setLong(2, patient);
            insert.setInt(3, rowNumber);
            insert.setObject(4, values.values().asMap().get(Parameter.AGE));
            insert.setObject(5, now());
            insert.executeUpdate();
        }
        for (Map.Entry<Parameter, Double> v : values.values().asMap().entrySet()) {
            if (v.getKey() == Parameter.AGE) {
                continue;
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO lab_result"
                    + " (panel_id, parameter, result_value, unit) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, panel);
                insert.setString(2, v.getKey().key());
                insert.setDouble(3, v.getValue());
                insert.setString(4, v.getKey().unit());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO prediction (id,"
                + " panel_id, patient_id, model_version_id, predicted_subtype, probability_all,"
                + " probability_aml, probability_apl, confidence, predicted_at, confident,"
                + " out_of_distribution, owner_id, patient_external_id, patient_diagnosed,"
                + " patient_removed) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
            insert.setLong(1, nextId(db, "prediction"));
            insert.setLong(2, panel);
            insert.setLong(3, patient);
            insert.setString(4, prediction.predicted().name());
            insert.setDouble(5, prediction.probability(Subtype.ALL));
            insert.setDouble(6, prediction.probability(Subtype.AML));
            insert.setDouble(7, prediction.probability(Subtype.APL));
            insert.setDouble(8, prediction.confidence());
            insert.setObject(9, now());
            insert.setBoolean(10, prediction.confident());
            insert.setBoolean(11, prediction.outOfDistribution());
            insert.setLong(12, doctor);
            insert.setString(13, externalId);
            insert.executeUpdate();
        }
    }

    private Optional<Long> findPatient(Connection db, long doctor, String externalId)
            throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM patient WHERE owner_id = ? AND external_id = ?")) {
            query.setLong(1, doctor);
            query.setString(2, externalId);
            try (ResultSet found = query.executeQuery()) {
                return found.next() ? Optional.of(found.getLong(1)) : Optional.empty();
            }
        }
    }

    private long insertPatient(Connection db, long doctor, String externalId) {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO patient"
                + " (id, external_id, owner_id, sex, created_at) VALUES (?, ?, ?, 'UNKNOWN', ?)")) {
            long id = nextId(db, "patient");
            insert.setLong(1, id);
            insert.setString(2, externalId);
            insert.setLong(3, doctor);
            insert.setObject(4, now());
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids 50 at a time, as JPA's table generator gives them by default. */
    private long nextId(Connection db, String name) throws SQLException {
        long[] block = idBlocks.computeIfAbsent(name, n -> new long[] {1, 0});
        if (block[0] > block[1]) {
            try (Statement sql = db.createStatement()) {
                sql.executeUpdate("UPDATE id_generator SET next_value = next_value + "
                        + ID_BLOCK + " WHERE name = '" + name + "'");
                try (ResultSet value = sql.executeQuery(
                        "SELECT next_value FROM id_generator WHERE name = '" + name + "'")) {
                    value.next();
                    block[1] = value.getLong(1);
                    block[0] = block[1] - ID_BLOCK + 1;
                }
            }
        }
        return block[0]++;
    }

    private static long insertDoctorAndModel(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO user_account (id, username, password_hash,"
                    + " display_name, enabled, created_at) VALUES (1, 'naive', 'x', 'Naive',"
                    + " TRUE, CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO model_version (id, version, training_source,"
                    + " synthetic_training_data, active, created_at, training_data_sha256,"
                    + " provenance_json, metadata_json, content) VALUES (1, 1, 'benchmark',"
                    + " TRUE, TRUE, CURRENT_TIMESTAMP, '" + "0".repeat(64) + "', '{}', '{}',"
                    + " x'00')");
            sql.executeUpdate("UPDATE id_generator SET next_value = 1"
                    + " WHERE name IN ('user_account', 'model_version')");
        }
        return 1;
    }

    private static Map<Integer, Parameter> columns(Row header) {
        Map<Integer, Parameter> columns = new HashMap<>();
        for (Cell cell : header) {
            String text = cell.getStringCellValue();
            int bracket = text.indexOf(" (");
            Parameter.fromKey(bracket < 0 ? text : text.substring(0, bracket))
                    .ifPresent(p -> columns.put(cell.getColumnIndex(), p));
        }
        return columns;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private static String recreateDatabase() throws SQLException {
        String server = PayaraServerDomain.databaseServerUrl();
        try (Connection connection = DriverManager.getConnection(server, user(), password());
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("CREATE DATABASE " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = server + "/" + DATABASE;
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user());
        dataSource.setPassword(password());
        SchemaMigrator.migrate(dataSource);
        return url;
    }

    private static String user() {
        return System.getProperty("test.db.user", "leukemia");
    }

    private static String password() {
        return System.getProperty("test.db.password", "leukemia");
    }
}
