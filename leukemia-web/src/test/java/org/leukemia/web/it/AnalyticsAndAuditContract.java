package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analytics and the audit trail on a real deployment: a doctor's figures count only their
 * patients and an auditor's every patient; exports download as files and are audited; the
 * auditor reads the trail and verifies its chain, which nobody else may. Subclasses name the
 * deployment (Payara Micro with the WAR, Payara Server with the EAR). The server may hold
 * other tests' patients, so an auditor's figures are compared before and after.
 */
public abstract class AnalyticsAndAuditContract {

    private static final String PASSWORD = "analytics-password-42";
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private String run;

    /** @return the application's URL, ending in "/" */
    protected abstract String applicationUrl() throws Exception;

    @BeforeEach
    void nameThisRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aDoctorsAnalyticsCountOnlyTheirPatientsAndAnAuditorsEveryPatient() throws Exception {
        ApiClient auditor = user("auditor", "AUDITOR");
        long before = patients(auditor.get("api/analytics"));
        ApiClient first = user("first", "DOCTOR");
        ApiClient second = user("second", "DOCTOR");

        upload(first, "F1-" + run, "F2-" + run);
        upload(second, "S1-" + run);
        JsonObject mine = ApiClient.object(first.get("api/analytics"));
        JsonObject everything = ApiClient.object(auditor.get("api/analytics"));

        assertThat(mine.getBoolean("everyPatient")).isFalse();
        assertThat(mine.getString("scope")).isEqualTo("Patients of first-" + run);
        assertThat(patients(mine)).isEqualTo(2);
        assertThat(mine.getJsonArray("months").getValuesAs(JsonObject.class).stream()
                .mapToLong(m -> m.getJsonObject("predictions").getJsonNumber("total")
                        .longValue()).sum()).isEqualTo(2);
        assertThat(mine.getJsonArray("confidence").getValuesAs(JsonObject.class).stream()
                .mapToLong(b -> b.getJsonObject("patients").getJsonNumber("total")
                        .longValue()).sum()).isEqualTo(2);
        assertThat(mine.getJsonObject("agreement").getInt("confirmed")).isZero();
        assertThat(patients(second.get("api/analytics"))).isEqualTo(1);
        assertThat(everything.getBoolean("everyPatient")).isTrue();
        assertThat(everything.getString("scope")).isEqualTo("All patients");
        assertThat(patients(everything) - before).isEqualTo(3);
    }

    @Test
    void aPeriodNarrowsTheFiguresAndAMalformedOneIsRefused() throws Exception {
        ApiClient doctor = user("period", "DOCTOR");
        upload(doctor, "P1-" + run);

        assertThat(patients(doctor.get("api/analytics?from=2000-01-01"))).isEqualTo(1);
        assertThat(patients(doctor.get("api/analytics?to=2000-01-31"))).isZero();
        HttpResponse<String> malformed = doctor.get("api/analytics?from=31/01/2026");
        HttpResponse<String> backwards = doctor.get("api/analytics?from=2026-02-01&to=2026-01-01");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(malformed).getString("error")).contains("2026-01-31");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(backwards).getString("error")).contains("before it begins");
    }

    @Test
    void exportsDownloadWithTheirContentTypeAndAreAudited() throws Exception {
        ApiClient doctor = user("export", "DOCTOR");
        ApiClient auditor = user("exportaudit", "AUDITOR");
        upload(doctor, "E1-" + run);

        HttpResponse<byte[]> xlsx = doctor.getBytes("api/analytics/export?format=xlsx");
        HttpResponse<byte[]> pdf = doctor.getBytes("api/analytics/export?format=pdf");
        HttpResponse<String> unknown = doctor.get("api/analytics/export?format=doc");

        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains(".xlsx"));
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                texts.add(cell.toString());
            })));
        }
        assertThat(texts).contains("Patients of export-" + run, "export-" + run);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(unknown.statusCode()).isEqualTo(400);

        List<JsonObject> exports = entries(auditor, "actor=export-" + run
                + "&targetType=report").stream()
                .filter(e -> e.getString("action").equals("EXPORT")).toList();
        assertThat(exports).hasSize(2);
        assertThat(exports.get(0).getString("details")).contains("\"format\":\"pdf\"");
    }

    @Test
    void theAuditTrailShowsTheUploadAndTheViewOfAPatientAndItsChainIsIntact() throws Exception {
        ApiClient doctor = user("audited", "DOCTOR");
        ApiClient auditor = user("auditor2", "AUDITOR");
        long uploadId = upload(doctor, "A1-" + run);
        long patientId = ApiClient.array(doctor.get("api/patients")).getJsonObject(0)
                .getJsonNumber("patientId").longValue();
        assertThat(doctor.get("api/patients/" + patientId).statusCode()).isEqualTo(200);

        List<JsonObject> byDoctor = entries(auditor, "actor=audited-" + run);
        List<JsonObject> aboutPatient = entries(auditor, "targetType=patient&targetId="
                + patientId);
        HttpResponse<String> verification = auditor.postJson("api/audit/verification", "{}");
        HttpResponse<String> page = auditor.get("app/audit.xhtml");

        assertThat(byDoctor).extracting(e -> e.getString("action") + " "
                + e.getString("targetType") + " " + e.getString("targetId"))
                .containsExactly("VIEW patient " + patientId, "VIEW report patient-list",
                        "UPLOAD upload " + uploadId,
                        "SIGN_IN user audited-" + run,
                        // the first sign-in replaced the password set at creation
                        "CHANGE user audited-" + run, "SIGN_IN user audited-" + run);
        assertThat(byDoctor.get(0).getJsonNumber("seq").longValue())
                .isGreaterThan(byDoctor.get(1).getJsonNumber("seq").longValue());
        assertThat(byDoctor.get(1).getString("details")).as("the list's page names its patients")
                .contains("\"patients\":[" + patientId + "]", "\"filters\":\"none\"");
        assertThat(aboutPatient).extracting(e -> e.getString("actor"))
                .containsExactly("audited-" + run);
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        JsonObject chain = ApiClient.object(verification);
        assertThat(chain.getBoolean("intact")).isTrue();
        assertThat(chain.getJsonNumber("entriesChecked").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(chain.getString("lastHash")).matches("[0-9a-f]{64}");
        assertThat(entries(auditor, "actor=auditor2-" + run + "&targetType=audit-trail"))
                .extracting(e -> e.getString("action")).containsExactly("VERIFY");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Verify the chain", "audited-" + run);
        for (String refused : List.of("max=0", "first=-1", "max=100000", "max=abc",
                "targetType=bogus")) {
            HttpResponse<String> answer = auditor.get("api/audit?" + refused);
            assertThat(answer.statusCode()).as(refused).isEqualTo(400);
            assertThat(ApiClient.object(answer).getString("error")).as(refused)
                    .containsAnyOf("max must lie between 1 and 500", "first must be 0 or more",
                            "cannot be read: 'abc'", "'bogus' is none of them");
        }
    }

    @Test
    void anEntryChangedInTheDatabaseBreaksTheChainThereForTheAuditor() throws Exception {
        ApiClient doctor = user("tampered", "DOCTOR");
        ApiClient auditor = user("auditor3", "AUDITOR");
        upload(doctor, "T1-" + run);
        JsonObject uploadEntry = entries(auditor, "actor=tampered-" + run + "&targetType=upload")
                .get(0);
        long seq = uploadEntry.getJsonNumber("seq").longValue();
        String stored = uploadEntry.getString("details");
        // what someone with access to the database might do: make the upload look smaller
        String forged = stored.replaceFirst("\"rowsStored\":\\d+", "\"rowsStored\":0");
        assertThat(forged).as("the entry holds the rows stored").isNotEqualTo(stored);

        boolean changed = changeAuditDetails(seq, forged);
        assumeTrue(changed, "the deployment's database can be changed by the test");
        JsonObject broken;
        try {
            broken = ApiClient.object(auditor.postJson("api/audit/verification", "{}"));
        } finally {
            changeAuditDetails(seq, stored);
        }
        JsonObject mended = ApiClient.object(auditor.postJson("api/audit/verification", "{}"));

        assertThat(broken.getBoolean("intact")).isFalse();
        assertThat(broken.getJsonNumber("brokenAt").longValue()).isEqualTo(seq);
        assertThat(broken.getString("problem")).isNotBlank();
        assertThat(mended.getBoolean("intact")).as("the entry as it was").isTrue();
        assertThat(entries(auditor, "actor=auditor3-" + run + "&targetType=audit-trail"))
                .as("both checks are recorded, newest first")
                .extracting(e -> e.getString("details"))
                .satisfiesExactly(
                        now -> assertThat(now).contains("\"intact\":true"),
                        before -> assertThat(before).contains("\"intact\":false",
                                "\"brokenAt\":" + seq));
    }

    /**
     * Writes {@code details} into the stored audit entry {@code seq}, as someone with access
     * to the database could, without mending its hash.
     *
     * @return false when the deployment's database cannot be changed from the test
     */
    protected boolean changeAuditDetails(long seq, String details) throws Exception {
        return false;
    }

    @Test
    void doctorsAndAdministratorsMayNotReadTheAuditTrail() throws Exception {
        ApiClient doctor = user("nosy", "DOCTOR");
        ApiClient admin = new ApiClient(applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);

        assertThat(doctor.get("api/audit").statusCode()).isEqualTo(403);
        assertThat(doctor.postJson("api/audit/verification", "{}").statusCode()).isEqualTo(403);
        assertThat(doctor.get("app/audit.xhtml").statusCode()).isEqualTo(403);
        assertThat(admin.get("api/audit").statusCode()).isEqualTo(403);
        assertThat(admin.postJson("api/audit/verification", "{}").statusCode()).isEqualTo(403);
        assertThat(admin.get("api/analytics").statusCode()).isEqualTo(403);
        assertThat(admin.get("app/analytics.xhtml").statusCode()).isEqualTo(403);

        ApiClient auditor = user("refusals", "AUDITOR");
        assertThat(entries(auditor, "actor=nosy-" + run)).filteredOn(
                e -> e.getString("action").equals("REFUSED"))
                .extracting(e -> e.getString("details"))
                .containsExactly(refusal("GET /app/audit.xhtml"),
                        refusal("POST /api/audit/verification"), refusal("GET /api/audit"));
    }

    @Test
    void aRefusedUploadIsInTheAuditTrailWithItsFileAndReason() throws Exception {
        ApiClient doctor = user("refused", "DOCTOR");
        ApiClient auditor = user("auditor3", "AUDITOR");

        HttpResponse<String> refused = doctor.upload("api/uploads", "results.txt",
                "not a workbook".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        List<JsonObject> trail = entries(auditor, "actor=refused-" + run + "&targetType=upload");
        assertThat(trail).extracting(e -> e.getString("action")).containsExactly("REFUSED");
        JsonObject details = Json.createReader(new StringReader(
                trail.get(0).getString("details"))).readObject();
        assertThat(details.getString("asked")).isEqualTo("upload a file");
        assertThat(details.getString("file")).isEqualTo("results.txt");
        assertThat(details.getInt("bytes")).isEqualTo(14);
        assertThat(details.getString("sha256")).matches("[0-9a-f]{64}");
        assertThat(details.getString("reason"))
                .isEqualTo(ApiClient.object(refused).getString("error"));
    }

    private static String refusal(String asked) {
        return Json.createObjectBuilder().add("asked", asked)
                .add("reason", "the caller's role does not allow it").build().toString();
    }

    @Test
    void theAnalyticsPageShowsChartsTheMatrixAndTheExports() throws Exception {
        ApiClient doctor = user("page", "DOCTOR");
        upload(doctor, "G1-" + run);

        HttpResponse<String> page = doctor.get("app/analytics.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Patients of page-" + run, "1 patients counted",
                "never replaces one", "ui-chart", "Agreement with the confirmed diagnosis",
                "OTHER always counts as a miss", "api/analytics/export?format=xlsx",
                "api/analytics/export?format=pdf");
        assertThat(page.body()).as("a doctor has no link to the audit trail")
                .doesNotContain("app/audit.xhtml");
    }

    /** Registers a user with one role, and signs them in. */
    protected ApiClient user(String name, String role) throws Exception {
        return ApiClient.newUser(applicationUrl(), name + "-" + run, PASSWORD, role);
    }

    /** Uploads plausible patients with these identifiers; returns the upload's id. */
    private static long upload(ApiClient doctor, String... identifiers) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < identifiers.length; i++) {
            rows.add(i % 2 == 0
                    ? List.of(identifiers[i], "F", 34, 2.1, 92.0, 335, 31, 58, 0.9, 410, 0.3,
                            1.5, 0.05)
                    : List.of(identifiers[i], "M", 7, 48.0, 84.0, 340, 40, 85, 3.1, 1890, 1.0,
                            20.0, 0.4));
        }
        HttpResponse<String> answer = doctor.upload("api/uploads", identifiers[0] + ".xlsx",
                Workbooks.of(Workbooks.PANEL, rows));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ApiClient.object(answer).getJsonNumber("uploadId").longValue();
    }

    private static long patients(HttpResponse<String> analytics) {
        assertThat(analytics.statusCode()).as(analytics.body()).isEqualTo(200);
        return patients(ApiClient.object(analytics));
    }

    private static long patients(JsonObject analytics) {
        return analytics.getJsonObject("distribution").getJsonNumber("total").longValue();
    }

    private static List<JsonObject> entries(ApiClient auditor, String query) throws Exception {
        HttpResponse<String> answer = auditor.get("api/audit?" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ApiClient.object(answer).getJsonArray("entries").getValuesAs(JsonObject.class);
    }
}
