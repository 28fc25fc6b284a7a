package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient list on a real deployment, through {@code GET /api/patients} and the patient
 * page: each filter, the sort, paging, the scope (a doctor's own patients; an auditor's view of
 * everyone's) and the refusals of what cannot be read or met. Subclasses name the deployment.
 */
public abstract class PatientListContract {

    private static final String PASSWORD = "doctor-password-42";
    private static final int ROWS = 30;

    private String run;

    /** @return the application's URL, ending in "/" */
    protected abstract String applicationUrl() throws Exception;

    @BeforeEach
    void nameThisRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void eachFilterOfTheApiSelectsWhatItNames() throws Exception {
        ApiClient doctor = account("lista", "DOCTOR");
        String prefix = "LA" + run + "-";
        long upload = upload(doctor, prefix, ROWS);
        ApiClient other = account("listb", "DOCTOR");
        long otherUpload = upload(other, "LB" + run + "-", 5);

        JsonArray all = list(doctor, "max=500");
        assertThat(all).hasSize(ROWS);
        assertThat(list(doctor, "q=" + prefix + "1")).hasSize(11).allSatisfy(p ->
                assertThat(p.asJsonObject().getString("externalId")).startsWith(prefix + "1"));
        assertThat(list(doctor, "q=" + run)).as("the beginning, not the middle").isEmpty();
        int bySubtype = 0;
        for (String subtype : List.of("ALL", "AML", "APL")) {
            JsonArray lines = list(doctor, "subtype=" + subtype.toLowerCase());
            assertThat(lines).allSatisfy(p -> assertThat(p.asJsonObject()
                    .getString("predictedSubtype")).isEqualTo(subtype));
            bySubtype += lines.size();
        }
        assertThat(bySubtype).isEqualTo(ROWS);
        JsonArray confident = list(doctor, "minConfidence=0.6&maxConfidence=0.9");
        assertThat(confident).allSatisfy(p -> assertThat(confidence(p.asJsonObject()))
                .isBetween(0.6, 0.9));
        assertThat(confident.size()).isEqualTo((int) all.stream().map(JsonObject.class::cast)
                .filter(p -> confidence(p) >= 0.6 && confidence(p) <= 0.9).count());
        assertThat(list(doctor, "upload=" + upload)).hasSize(ROWS).allSatisfy(p ->
                assertThat(p.asJsonObject().getJsonNumber("uploadId").longValue())
                        .isEqualTo(upload));
        assertThat(list(doctor, "upload=" + otherUpload)).isEmpty();
        int model = all.getJsonObject(0).getInt("modelVersion");
        assertThat(list(doctor, "model=" + model)).hasSize(ROWS);
        assertThat(list(doctor, "model=" + (model + 100))).isEmpty();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(list(doctor, "from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))
                .hasSize(ROWS);
        assertThat(list(doctor, "from=" + today.plusDays(1))).isEmpty();
        assertThat(list(doctor, "diagnosed=true")).isEmpty();
        assertThat(list(doctor, "diagnosed=false")).hasSize(ROWS);
        assertThat(list(doctor, "q=" + prefix + "2&subtype=" + all.getJsonObject(0)
                .getString("predictedSubtype") + "&diagnosed=no")).allSatisfy(p -> {
                    assertThat(p.asJsonObject().getString("externalId")).startsWith(prefix + "2");
                    assertThat(p.asJsonObject().getString("predictedSubtype"))
                            .isEqualTo(all.getJsonObject(0).getString("predictedSubtype"));
                });
    }

    @Test
    void theApiSortsAndPagesWithoutOverlap() throws Exception {
        ApiClient doctor = account("sorted", "DOCTOR");
        String prefix = "S" + run + "-";
        upload(doctor, prefix, ROWS);

        JsonArray byPatient = list(doctor, "sort=patient&order=asc&max=500");
        List<String> identifiers = byPatient.stream()
                .map(p -> p.asJsonObject().getString("externalId")).toList();
        assertThat(identifiers).hasSize(ROWS).isSorted();
        JsonArray byConfidence = list(doctor, "sort=confidence&max=500");
        assertThat(byConfidence.stream().map(p -> confidence(p.asJsonObject())).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        JsonArray bySubtype = list(doctor, "sort=subtype&order=asc&max=500");
        assertThat(bySubtype.stream().map(p -> p.asJsonObject().getString("predictedSubtype"))
                .toList()).isSorted();

        List<Long> paged = new ArrayList<>();
        for (int first = 0; first < ROWS; first += 7) {
            list(doctor, "sort=confidence&first=" + first + "&max=7").forEach(p -> paged.add(
                    p.asJsonObject().getJsonNumber("predictionId").longValue()));
        }
        assertThat(paged).isEqualTo(byConfidence.stream().map(p -> p.asJsonObject()
                .getJsonNumber("predictionId").longValue()).toList());
    }

    @Test
    void aDoctorListsOnlyTheirOwnPatientsAndAnAuditorListsEveryone() throws Exception {
        ApiClient first = account("ownera", "DOCTOR");
        ApiClient second = account("ownerb", "DOCTOR");
        upload(first, "OA" + run + "-", 4);
        upload(second, "OB" + run + "-", 3);
        ApiClient auditor = account("auditor", "AUDITOR");

        assertThat(list(first, "q=OB" + run)).isEmpty();
        assertThat(list(second, "q=OA" + run)).isEmpty();
        assertThat(list(second, "max=500")).hasSize(3);
        assertThat(list(auditor, "q=OA" + run)).hasSize(4);
        assertThat(list(auditor, "q=OB" + run)).hasSize(3);
    }

    @Test
    void whatCannotBeReadOrMetIsRefusedWithTheReason() throws Exception {
        ApiClient doctor = account("refused", "DOCTOR");

        assertRefused(doctor, "max=501", "max must lie between 1 and 500");
        assertRefused(doctor, "max=0", "max must lie between 1 and 500");
        assertRefused(doctor, "first=-1", "first must be 0 or more");
        assertRefused(doctor, "max=many", "max cannot be read");
        assertRefused(doctor, "minConfidence=0.9&maxConfidence=0.5",
                "lowest probability (90.00 %) is above the highest (50.00 %)");
        assertRefused(doctor, "minConfidence=1.5", "between 0 % and 100 %");
        assertRefused(doctor, "from=2025-03-02&to=2025-03-01", "is after the last day");
        assertRefused(doctor, "from=02/03/2025", "yyyy-MM-dd");
        assertRefused(doctor, "subtype=CML", "choose ALL, AML or APL");
        assertRefused(doctor, "diagnosed=maybe", "diagnosed cannot be read");
        assertRefused(doctor, "sort=name", "sort is time, confidence, subtype or patient");
        assertRefused(doctor, "order=up", "order is asc or desc");
    }

    @Test
    void thePatientPageCountsTheLinesAndExplainsItsFilters() throws Exception {
        ApiClient doctor = account("page", "DOCTOR");
        upload(doctor, "PG" + run + "-", 12);

        HttpResponse<String> page = doctor.get("app/dashboard.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("12 predictions", "One line per prediction",
                "<em>begin</em>", "PG" + run + "-0", "Confirmed diagnosis");
    }

    @Test
    void theExportHoldsTheLinesOfTheListWithTheSameFiltersAndOrderAndIsAudited()
            throws Exception {
        ApiClient doctor = account("exporter", "DOCTOR");
        ApiClient other = account("exportother", "DOCTOR");
        String prefix = "EX" + run + "-";
        upload(doctor, prefix, 12);
        upload(other, "EY" + run + "-", 3);
        String query = "q=" + prefix + "1&sort=patient&order=desc";

        List<String> listed = list(doctor, query).stream()
                .map(p -> p.asJsonObject().getString("externalId")).toList();
        HttpResponse<byte[]> xlsx = doctor.getBytes("api/patients/export?format=xlsx&" + query);
        HttpResponse<byte[]> pdf = doctor.getBytes("api/patients/export?format=pdf&" + query);

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.openxmlformats"));
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).contains("attachment", "patients-", ".xlsx"));
        List<String> exported = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("Patients");
            int header = 0;
            while (!"Patient".equals(text(sheet.getRow(header), 0))) {
                header++;
            }
            for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                exported.add(text(sheet.getRow(r), 0));
            }
            assertThat(workbook.getSheet("Patients").getRow(3).getCell(1).getStringCellValue())
                    .isEqualTo("identifier or name begins with '" + prefix + "1'");
        }
        assertThat(listed).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(exported).isEqualTo(listed);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(doctor.get("api/patients/export?format=csv").statusCode()).isEqualTo(400);
        assertThat(doctor.get("api/patients/export?minConfidence=abc").statusCode())
                .isEqualTo(400);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                other.getBytes("api/patients/export?q=" + prefix).body()))) {
            assertThat(workbook.getSheet("Patients").getRow(5).getCell(1).getStringCellValue())
                    .as("another doctor's export holds none of these patients")
                    .isEqualTo("0 lines");
        }

        HttpResponse<String> trail = account("exportaudit", "AUDITOR").get(
                "api/audit?targetType=report&targetId=patient-list&actor=exporter-" + run);
        List<JsonObject> entries = ApiClient.object(trail).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        List<String> details = entries.stream()
                .filter(e -> e.getString("action").equals("EXPORT"))
                .map(e -> e.getString("details")).toList();
        assertThat(details).hasSize(2);
        assertThat(details.get(1)).contains("\"format\":\"xlsx\"", "\"lines\":3",
                "begins with '" + prefix + "1'", "patient identifier, Z to A");
        assertThat(details.get(0)).contains("\"format\":\"pdf\"");
    }

    private static String text(Row row, int column) {
        return row == null || row.getCell(column) == null ? null
                : row.getCell(column).getStringCellValue();
    }

    private void assertRefused(ApiClient client, String query, String reason)
            throws Exception {
        HttpResponse<String> answer = client.get("api/patients?" + query);
        assertThat(answer.statusCode()).as(query).isEqualTo(400);
        assertThat(ApiClient.object(answer).getString("error")).as(query).contains(reason);
    }

    private static double confidence(JsonObject prediction) {
        return prediction.getJsonNumber("confidence").doubleValue();
    }

    private static JsonArray list(ApiClient client, String query) throws Exception {
        HttpResponse<String> answer = client.get("api/patients?" + query.replace("+", "%2B"));
        assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
        return ApiClient.array(answer);
    }

    /** Uploads {@code rows} patients named {@code prefix0} ...; returns the upload's id. */
    private static long upload(ApiClient doctor, String prefix, int rows) throws Exception {
        HttpResponse<String> answer = doctor.upload("api/uploads",
                URLEncoder.encode(prefix, StandardCharsets.UTF_8) + ".xlsx",
                Workbooks.manyPatients(prefix, rows));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ApiClient.object(answer).getJsonNumber("uploadId").longValue();
    }

    private ApiClient account(String name, String role) throws Exception {
        return ApiClient.newUser(applicationUrl(), name + "-" + run, PASSWORD, role);
    }
}
