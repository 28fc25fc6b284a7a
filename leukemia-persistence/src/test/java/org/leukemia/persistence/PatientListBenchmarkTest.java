package org.leukemia.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionRepository;
import org.leukemia.persistence.prediction.PredictionScope;
import org.leukemia.persistence.prediction.PredictionSort;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.user.UserAccount;

/**
 * Times the patient list's queries on a million predictions: the first page for a big doctor,
 * a small one and an auditor, alone and under each filter and a few combined, sorted by each
 * column, the count, and the last page the list reaches. Skipped unless
 * {@code -Dbenchmark.predictions=<number>} is given:
 *
 * <pre>
 * mvn -pl leukemia-persistence -am verify -Dtest=PatientListBenchmarkTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.predictions=1000000
 * </pre>
 *
 * <p>The data ({@link PatientListData}) go to the database {@code <test database>_benchmark}
 * and are kept: a later run with the same number reuses them (about a minute to make).
 * Each query runs warm (two runs first), then {@value #REPETITIONS} times, each in a new
 * entity manager; the table gives the median and the slowest, and the lines whose median is
 * over the target ({@value #TARGET_MS} ms) are listed at the end.
 */
@EnabledIfSystemProperty(named = "benchmark.predictions", matches = "\\d+")
class PatientListBenchmarkTest {

    /** The target for every line, in milliseconds. */
    private static final double TARGET_MS = 200;
    private static final int REPETITIONS = 7;
    private static final int WARM_UP = 2;
    private static final int PAGE = 25;
    /** The most rows the list counts (it shows "more than 10,000"). */
    private static final int COUNT_LIMIT = 10_001;

    private final List<String> lines = new ArrayList<>();
    private final List<String> overTarget = new ArrayList<>();

    @Test
    void timesEveryPageAndCount() throws SQLException {
        int predictions = Integer.getInteger("benchmark.predictions");
        try (TestDatabase db = filled(predictions)) {
            run(db);
        }
        System.out.println();
        System.out.println("| who | filter | sort | median ms | max ms | rows |");
        System.out.println("|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
        System.out.println();
        System.out.println(overTarget.isEmpty() ? "Every line within " + TARGET_MS + " ms."
                : "Over " + TARGET_MS + " ms: " + overTarget);
    }

    /** The benchmark's database with {@code predictions} predictions, reused or made. */
    private static TestDatabase filled(int predictions) throws SQLException {
        TestDatabase kept = TestDatabase.mysqlKept("benchmark");
        if (storedPredictions(kept) == predictions) {
            return kept;
        }
        kept.close();
        TestDatabase db = TestDatabase.mysql("benchmark");
        long start = System.nanoTime();
        String summary = PatientListData.fill(withBatchedInserts(db), predictions);
        System.out.printf("Filled: %s in %.0f s%n", summary, (System.nanoTime() - start) / 1e9);
        return db;
    }

    private void run(TestDatabase db) {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        Map<String, Long> uploads = new LinkedHashMap<>();
        db.inTransaction(em -> {
            for (String name : List.of("bench_doctor_01", "bench_doctor_20", "bench_auditor")) {
                UserAccount user = em.createQuery("select u from UserAccount u"
                        + " where u.username = :name", UserAccount.class)
                        .setParameter("name", name).getSingleResult();
                users.put(name, user);
                // an upload in the middle of the doctor's (the auditor: of anyone's)
                List<Long> ids = em.createQuery("select u.id from Upload u"
                        + " where u.owner = :owner or :everyone = true order by u.id",
                        Long.class)
                        .setParameter("owner", user)
                        .setParameter("everyone", name.equals("bench_auditor"))
                        .getResultList();
                uploads.put(name, ids.get(ids.size() / 2));
            }
        });
        for (Map.Entry<String, UserAccount> user : users.entrySet()) {
            PredictionScope scope = user.getKey().equals("bench_auditor")
                    ? PredictionScope.EVERYONE : PredictionScope.ownedBy(user.getValue());
            String who = user.getKey().replace("bench_", "").replace("_", " ");
            for (Map.Entry<String, PredictionCriteria> filter
                    : filters(uploads.get(user.getKey())).entrySet()) {
                for (PredictionSort.Column column : PredictionSort.Column.values()) {
                    PredictionSort sort = new PredictionSort(column, false);
                    time(db, who, filter.getKey(), describe(sort), repository -> repository
                            .search(scope, filter.getValue(), sort, 0, PAGE).size());
                }
                if (filter.getValue().isEmpty()) {
                    for (PredictionSort.Column column : PredictionSort.Column.values()) {
                        PredictionSort sort = new PredictionSort(column, true);
                        time(db, who, filter.getKey(), describe(sort), repository -> repository
                                .search(scope, filter.getValue(), sort, 0, PAGE).size());
                    }
                    time(db, who, filter.getKey(), "time desc, page 400 (rows 9,976-10,000)",
                            repository -> repository.search(scope, filter.getValue(),
                                    PredictionSort.NEWEST_FIRST, 10_000 - PAGE, PAGE).size());
                }
                time(db, who, filter.getKey(), "count up to 10,001", repository -> repository
                        .countUpTo(scope, filter.getValue(), COUNT_LIMIT));
            }
        }
    }

    private static Map<String, PredictionCriteria> filters(long upload) {
        Map<String, PredictionCriteria> filters = new LinkedHashMap<>();
        filters.put("none", PredictionCriteria.NONE);
        filters.put("identifier starts with H1234", PredictionCriteria.builder()
                .text("H1234").build());
        filters.put("name starts with MART", PredictionCriteria.builder().text("MART").build());
        filters.put("name starts with M", PredictionCriteria.builder().text("M").build());
        filters.put("subtype APL", PredictionCriteria.builder().subtype("APL").build());
        filters.put("confidence 90-95 %", PredictionCriteria.builder().confidence(0.90, 0.95)
                .build());
        filters.put("March 2024", PredictionCriteria.builder()
                .predictedBetween(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).build());
        filters.put("model v2", PredictionCriteria.builder().modelVersion(2).build());
        filters.put("upload #" + upload, PredictionCriteria.builder().upload(upload).build());
        filters.put("diagnosed", PredictionCriteria.builder().diagnosed(true).build());
        filters.put("not diagnosed", PredictionCriteria.builder().diagnosed(false).build());
        filters.put("APL, confidence >= 90 %, diagnosed", PredictionCriteria.builder()
                .subtype("APL").confidence(0.90, null).diagnosed(true).build());
        filters.put("ALL, model v3, Oct-Dec 2025", PredictionCriteria.builder().subtype("ALL")
                .modelVersion(3).predictedBetween(LocalDate.of(2025, 10, 1),
                        LocalDate.of(2025, 12, 31)).build());
        filters.put("name MART, AML, confidence <= 80 %", PredictionCriteria.builder()
                .text("MART").subtype("AML").confidence(null, 0.80).build());
        return filters;
    }

    private static String describe(PredictionSort sort) {
        return sort.column().name().toLowerCase(Locale.ROOT).replace("predicted_at", "time")
                + (sort.ascending() ? " asc" : " desc");
    }

    private void time(TestDatabase db, String who, String filter, String what,
            Function<PredictionRepository, Integer> query) {
        double[] millis = new double[REPETITIONS];
        int rows = 0;
        for (int i = -WARM_UP; i < REPETITIONS; i++) {
            EntityManager em = db.entityManagerFactory().createEntityManager();
            try {
                long start = System.nanoTime();
                rows = query.apply(new PredictionRepository(em));
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
            } finally {
                em.close();
            }
        }
        Arrays.sort(millis);
        double median = millis[REPETITIONS / 2];
        double max = millis[REPETITIONS - 1];
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %,d |", who,
                filter, what, median, max, rows);
        lines.add(line);
        System.out.println(line);
        if (median > TARGET_MS) {
            overTarget.add(who + " / " + filter + " / " + what);
        }
    }

    private static long storedPredictions(TestDatabase db) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM prediction")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** The database's data source with multi-row inserts for JDBC batches. */
    private static javax.sql.DataSource withBatchedInserts(TestDatabase db) {
        com.mysql.cj.jdbc.MysqlDataSource dataSource = new com.mysql.cj.jdbc.MysqlDataSource();
        dataSource.setURL(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true");
        dataSource.setUser(System.getProperty("test.db.user", "leukemia"));
        dataSource.setPassword(System.getProperty("test.db.password", "leukemia"));
        return dataSource;
    }
}
