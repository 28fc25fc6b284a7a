package org.leukemia.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.SyntheticCohort;
import org.leukemia.web.it.ApiClient;
import org.leukemia.web.it.DeployedApplication;

/**
 * The ingestion benchmark: a generated workbook of 100,000 patients uploaded through the API
 * to the EAR on Payara Server, stored in the MySQL (MariaDB) server: read, map, convert,
 * predict, store, in one transaction. Prints rows per second and the server's peak heap
 * (sampled from its MicroProfile Metrics every 100 ms, where they answer).
 *
 * <p>Not yet here: the naive path to compare with (the whole workbook in memory, one insert
 * per row), which the product no longer has.
 *
 * <p>Run with {@code mvn verify -pl leukemia-ear -Dbenchmark.rows=100000}; without
 * {@code benchmark.rows} it is skipped, so that the test suite stays fast.
 */
class IngestionBenchmarkIT {

    private static final Pattern USED_HEAP =
            Pattern.compile("\"memory\\.usedHeap[^\"]*\"\\s*:\\s*([0-9.E]+)");
    private static final Pattern MAX_HEAP =
            Pattern.compile("\"memory\\.maxHeap[^\"]*\"\\s*:\\s*([0-9.E]+)");

    @Test
    void ingestsAHundredThousandRowsThroughTheRealService() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 0);
        assumeTrue(rows > 0, "set -Dbenchmark.rows=100000 to run the benchmark");
        PayaraServerDomain server = PayaraServerDomain.get();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient admin = new ApiClient(server.applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        admin.registerUser("bench-" + run, "benchmark-password", "DOCTOR");
        ApiClient doctor = new ApiClient(server.applicationUrl());
        doctor.signIn("bench-" + run, "benchmark-password");

        long generated = System.nanoTime();
        byte[] workbook = workbook(SyntheticCohort.draw(rows, 99), run);
        System.out.printf(Locale.ROOT, "Generated %,d rows (%.1f MB) in %.1f s%n", rows,
                workbook.length / 1e6, (System.nanoTime() - generated) / 1e9);

        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> sample(server.serverUrl(), peak));
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<String> answer = doctor.upload("api/uploads", "bench-" + run + ".xlsx",
                workbook);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();

        assertThat(answer.statusCode()).as(answer.body().substring(0,
                Math.min(500, answer.body().length()))).isEqualTo(200);
        JsonArray outcomes = ApiClient.object(answer).getJsonArray("rows");
        long stored = outcomes.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("status").startsWith("STORED")).count();
        double maxHeap = metric(server.serverUrl(), MAX_HEAP);
        System.out.printf(Locale.ROOT, "Ingestion benchmark: %,d rows, %,d stored, in %.1f s:"
                + " %,.0f rows/s; %s%n", rows, stored, seconds, rows / seconds,
                peak.get() == 0 ? "server heap not sampled (its metrics did not answer); the"
                        + " domain runs with its default -Xmx512m"
                        : String.format(Locale.ROOT, "server peak heap %.0f MB (max %.0f MB)",
                                peak.get() / 1e6, maxHeap / 1e6));
        assertThat(outcomes).hasSize(rows);
        assertThat(stored).isEqualTo(rows);
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

    private static void sample(String serverUrl, AtomicLong peak) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                peak.accumulateAndGet((long) metric(serverUrl, USED_HEAP), Math::max);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a sample missed while the server is busy; the next one counts
            }
        }
    }

    private static double metric(String serverUrl, Pattern pattern) throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build()
                .send(HttpRequest.newBuilder(URI.create(serverUrl + "metrics/base"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = pattern.matcher(answer.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
