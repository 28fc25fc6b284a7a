package org.leukemia.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.SyntheticCohort;
import org.leukemia.ml.TrainedModel;
import org.leukemia.web.it.ApiClient;
import org.leukemia.web.it.DeployedApplication;

/**
 * The ingestion benchmark: a generated workbook of 100,000 patients uploaded through the API
 * to the EAR on Payara Server, stored in the MySQL (MariaDB) server: read, map, convert,
 * predict, store, in one transaction, after a warm-up upload of 20,000 rows. Prints rows per
 * second and the server's heap (read through its platform MXBeans, attached to its process). Then the same workbook goes through
 * a naive path for comparison ({@link NaiveIngestion}: the whole workbook in memory, one
 * insert per database row), with the same model, in this JVM.
 *
 * <p>Run with {@code mvn verify -pl leukemia-ear -Dit.test=IngestionBenchmarkIT
 * -Dbenchmark.rows=100000 -Dit.max-rows=100000}; without {@code benchmark.rows} it is skipped, so that the test
 * suite stays fast. {@code -Dbenchmark.naive=false} leaves the naive path out.
 */
class IngestionBenchmarkIT {

    @Test
    void ingestsAHundredThousandRowsThroughTheRealService() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 0);
        assumeTrue(rows > 0, "set -Dbenchmark.rows=100000 to run the benchmark");
        assertThat(rows).as("the application's row limit: set -Dit.max-rows=" + rows)
                .isLessThanOrEqualTo(PayaraServerDomain.maxRows());
        PayaraServerDomain server = PayaraServerDomain.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = new ApiClient(server.applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        admin.registerUser("bench-" + run, "benchmark-password", "DOCTOR");
        ApiClient doctor = new ApiClient(server.applicationUrl());
        doctor.signIn("bench-" + run, "benchmark-password");

        // a first, smaller upload warms the server up, as it would be after its first uploads
        int warmUp = Math.min(20_000, rows);
        long warmUpStart = System.nanoTime();
        HttpResponse<String> warm = doctor.upload("api/uploads", "warm-up-" + run + ".xlsx",
                workbook(SyntheticCohort.draw(warmUp, 98), "W" + run));
        assertThat(warm.statusCode()).as(warm.body().substring(0,
                Math.min(500, warm.body().length()))).isEqualTo(200);
        System.out.printf(Locale.ROOT, "Warm-up upload: %,d rows in %.1f s%n", warmUp,
                (System.nanoTime() - warmUpStart) / 1e9);

        long generated = System.nanoTime();
        byte[] workbook = workbook(SyntheticCohort.draw(rows, 99), run);
        System.out.printf(Locale.ROOT, "Generated %,d rows (%.1f MB) in %.1f s%n", rows,
                workbook.length / 1e6, (System.nanoTime() - generated) / 1e9);

        HttpResponse<String> answer;
        double seconds;
        try (HeapWatch heap = HeapWatch.attach(server.processId())) {
            heap.reset();
            long start = System.nanoTime();
            answer = doctor.upload("api/uploads", "bench-" + run + ".xlsx", workbook);
            seconds = (System.nanoTime() - start) / 1e9;
            assertThat(answer.statusCode()).as(answer.body().substring(0,
                    Math.min(500, answer.body().length()))).isEqualTo(200);
            System.out.printf(Locale.ROOT, "Ingestion benchmark, the product: %,d rows in"
                    + " %.1f s: %,.0f rows/s; %s%n", rows, seconds, rows / seconds,
                    describe(heap));
        }
        JsonArray outcomes = ApiClient.object(answer).getJsonArray("rows");
        long stored = outcomes.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("status").startsWith("STORED")).count();
        assertThat(outcomes).hasSize(rows);
        assertThat(stored).isEqualTo(rows);

        if (Boolean.parseBoolean(System.getProperty("benchmark.naive", "true"))) {
            TrainedModel model = TrainedModel.fromBytes(Files.readAllBytes(
                    server.modelFile(ApiClient.object(answer).getInt("modelVersion"))));
            try (HeapWatch heap = HeapWatch.local()) {
                System.gc();
                heap.reset();
                long start = System.nanoTime();
                int naive = new NaiveIngestion(model).ingest(workbook);
                double naiveSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "Ingestion benchmark, the naive path: %,d rows"
                        + " in %.1f s: %,.0f rows/s; %s%n", naive, naiveSeconds,
                        naive / naiveSeconds, describe(heap));
                assertThat(naive).isEqualTo(rows);
            }
        }
    }

    private static String describe(HeapWatch heap) throws java.io.IOException {
        double mib = 1 << 20;
        return String.format(Locale.ROOT, "heap: peak %.0f MiB (sum of the pools' peaks),"
                + " at most %.0f MiB kept after a collection, of %.0f MiB",
                heap.peakUsed() / mib, heap.highestAfterCollection() / mib,
                heap.maxHeap() / mib);
    }

    private static byte[] workbook(List<LabeledCase> cases, String run) throws Exception {
        List<Parameter> columns = List.of(Parameter.AGE, Parameter.WBC, Parameter.MCV,
                Parameter.MCHC, Parameter.PLATELETS, Parameter.NEUTROPHILS,
                Parameter.LYMPHOCYTES, Parameter.MONOCYTES, Parameter.PT_PERCENT,
                Parameter.FIBRINOGEN, Parameter.LDH);
        try (SXSSFWorkbook book = new SXSSFWorkbook(500);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Results");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            for (int c = 0; c < columns.size(); c++) {
                Parameter p = columns.get(c);
                header.createCell(c + 1).setCellValue(p.key() + " (" + p.unit() + ")");
            }
            for (int r = 0; r < cases.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue("B" + r + "-" + run);
                for (int c = 0; c < columns.size(); c++) {
                    var value = cases.get(r).values().get(columns.get(c));
                    if (value.isPresent()) {
                        row.createCell(c + 1).setCellValue(value.getAsDouble());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
