package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.ModelTrainer;
import org.leukemia.ml.SyntheticCohort;
import org.leukemia.ml.TrainingSettings;
import org.leukemia.ml.bundle.ModelBundle;

/**
 * The product's main job, checked on a real deployment: a doctor uploads a workbook, every
 * row is predicted and stored as that doctor's patient, and no other doctor can see it.
 * Subclasses name the deployment (Payara Micro with the WAR, Payara Server with the EAR).
 */
public abstract class MainJobContract {

    /**
     * The row limit the test servers are given ({@code leukemia.upload.max-rows}): small, so
     * that a file over it is quick to make, yet twenty chunks of rows long.
     */
    public static final int MAX_ROWS = 10_000;

    private static final String PASSWORD = "doctor-password-42";

    protected String run;

    /** @return the application's URL, ending in "/" */
    protected abstract String applicationUrl() throws Exception;

    /** @return the server's root URL, ending in "/" */
    protected abstract String serverUrl() throws Exception;

    @BeforeEach
    void nameThisRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void healthReportsTheApplicationItselfReady() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(serverUrl() + "health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonObject check = ApiClient.object(answer).getJsonArray("checks").stream()
                .map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals("leukemia"))
                .findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("modelVersion")).isNotBlank();
    }

    @Test
    void theServerPublishesNeitherItsMetricsNorADescriptionOfItsApi() throws Exception {
        for (String path : List.of("metrics", "openapi")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serverUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(path).isIn(403, 404);
        }
    }

    @Test
    void loginPageAnswersWithTheSignInForm() throws Exception {
        HttpResponse<String> answer = new ApiClient(applicationUrl()).get("login.xhtml");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("j_security_check", "j_password",
                "never replaces");
    }

    @Test
    void aPageOrApiCallWithoutSignInGetsNoPatientData() throws Exception {
        ApiClient anonymous = new ApiClient(applicationUrl());

        HttpResponse<String> api = anonymous.get("api/patients");
        HttpResponse<String> page = anonymous.get("app/dashboard.xhtml");

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(ApiClient.object(api).getString("error")).contains("Sign in");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("login.xhtml"));
    }

    @Test
    void aWrongPasswordLeadsBackToTheLoginPageWithAMessage() throws Exception {
        ApiClient stranger = new ApiClient(applicationUrl());

        HttpResponse<String> answer = stranger.submitSignIn("admin", "not-the-password");

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("login.xhtml?failed=true");
        assertThat(stranger.get("login.xhtml?failed=true").body())
                .contains("username or password is wrong");
        assertThat(stranger.get("api/patients").statusCode()).isEqualTo(401);
    }

    @Test
    void theAdministratorManagesUsersButOpensNoPatientPage() throws Exception {
        ApiClient admin = new ApiClient(applicationUrl());
        admin.signIn("ADMIN", DeployedApplication.ADMIN_PASSWORD);

        HttpResponse<String> users = admin.get("app/admin/users.xhtml");
        HttpResponse<String> dashboard = admin.get("app/dashboard.xhtml");

        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("Create account", "admin");
        assertThat(dashboard.statusCode()).isEqualTo(403);
    }

    @Test
    void nantesCohortIsStoredAndPredictedForTheUploadingDoctor() throws Exception {
        Path nantes = Workbooks.cohortFolder().resolve("nantes.csv");
        assumeTrue(Files.exists(nantes), "the AI-PAL cohorts are beside the project");
        ApiClient doctor = doctor("nantes");
        Map<String, String> diagnoses = Workbooks.diagnoses(nantes);

        HttpResponse<String> answer = doctor.upload("api/uploads", "nantes.xlsx",
                Workbooks.fromCohort(nantes));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonArray rows = ApiClient.object(answer).getJsonArray("rows");
        assertThat(rows).hasSize(130);
        assertThat(rows.getValuesAs(JsonObject.class))
                .allSatisfy(row -> assertThat(row.getString("status")).startsWith("STORED"));

        JsonArray stored = ApiClient.array(doctor.get("api/patients?max=500"));
        assertThat(stored).hasSize(130);
        long correct = stored.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("predictedSubtype")
                        .equals(diagnoses.get(p.getString("externalId"))))
                .count();
        double accuracy = correct / 130.0;
        System.out.printf("Nantes (130 patients) through the upload service: accuracy %.3f"
                + " with model version %d%n", accuracy,
                stored.getJsonObject(0).getInt("modelVersion"));
        assertThat(stored.getValuesAs(JsonObject.class)).allSatisfy(p -> {
            assertThat(diagnoses).containsKey(p.getString("externalId"));
            double sum = p.getJsonNumber("probabilityAll").doubleValue()
                    + p.getJsonNumber("probabilityAml").doubleValue()
                    + p.getJsonNumber("probabilityApl").doubleValue();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(accuracy).as("far above the 50 % of always answering AML")
                .isGreaterThan(0.65);
    }

    @Test
    void aDoctorNeverSeesAnotherDoctorsPatients() throws Exception {
        ApiClient owner = doctor("owner");
        ApiClient other = doctor("other");
        owner.upload("api/uploads", "two.xlsx", smallWorkbook("P1-" + run, "P2-" + run));
        long patientId = ApiClient.array(owner.get("api/patients")).getJsonObject(0)
                .getJsonNumber("patientId").longValue();

        assertThat(owner.get("api/patients/" + patientId).statusCode()).isEqualTo(200);
        assertThat(owner.get("app/patient.xhtml?id=" + patientId).statusCode()).isEqualTo(200);

        assertThat(ApiClient.array(other.get("api/patients"))).isEmpty();
        HttpResponse<String> byApi = other.get("api/patients/" + patientId);
        HttpResponse<String> byPage = other.get("app/patient.xhtml?id=" + patientId);
        assertThat(byApi.statusCode()).isEqualTo(404);
        assertThat(byPage.statusCode()).isEqualTo(404);
        assertThat(byApi.body() + byPage.body()).doesNotContain("P1-" + run, "P2-" + run);
        assertThat(owner.get("app/patient.xhtml?id=abc").statusCode()).isEqualTo(404);
    }

    @Test
    void unusableRowsAreReportedByNumberAndTheOthersStored() throws Exception {
        ApiClient doctor = doctor("rows");
        byte[] workbook = Workbooks.of(
                List.of("Patient ID", "Age (years)", "WBC (10^9/L)", "Platelets (10^9/L)"),
                List.of(Arrays.asList("GOOD-" + run, 54, 35.2, 41),
                        Arrays.asList(null, 61, 12.0, 80),
                        Arrays.asList("BAD-" + run, 40, "twelve", 150),
                        Arrays.asList("ALSO-GOOD-" + run, 8, 60.1, 22),
                        Arrays.asList("X".repeat(129), 30, 5.0, 200),
                        Arrays.asList("OLD-" + run, 300, 5.0, 200)));

        JsonArray rows = ApiClient.object(doctor.upload("api/uploads", "mixed.xlsx", workbook))
                .getJsonArray("rows");

        assertThat(rows.getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("rowNumber") + " " + r.getString("status"))
                .containsExactly("2 STORED_WITH_WARNINGS", "3 REJECTED", "4 REJECTED",
                        "5 STORED_WITH_WARNINGS", "6 REJECTED", "7 REJECTED");
        // stored, but with so few values the model makes no suggestion, and the report says so
        assertThat(rows.getJsonObject(0).getString("message"))
                .contains("No subtype suggested", "Only 3 of the 14 values");
        assertThat(rows.getJsonObject(0).getBoolean("withheld")).isTrue();
        assertThat(rows.getJsonObject(0).containsKey("predictedSubtype")).isFalse();
        assertThat(rows.getJsonObject(0).containsKey("confidence")).isFalse();
        assertThat(rows.getJsonObject(1).getString("message")).contains("identifier");
        assertThat(rows.getJsonObject(2).getString("message")).contains("WBC", "twelve");
        assertThat(rows.getJsonObject(4).getString("message")).contains("129 characters");
        assertThat(rows.getJsonObject(5).getString("message")).contains("Age", "300");
        assertThat(ApiClient.array(doctor.get("api/patients")))
                .extracting(p -> p.asJsonObject().getString("externalId"))
                .containsExactlyInAnyOrder("GOOD-" + run, "ALSO-GOOD-" + run);
    }

    @Test
    void aFileWhoseRowsAreAllUnusableGetsItsReportNotAnError() throws Exception {
        ApiClient doctor = doctor("allbad");
        byte[] csv = ("Patient ID,Age (years),WBC (10^9/L),MCV (fL)\n"
                + "ALLBAD-" + run + ",50,abc,90\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = doctor.upload("api/uploads", "allbad.csv", csv);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(ApiClient.object(answer).getJsonArray("rows").getValuesAs(JsonObject.class))
                .singleElement().satisfies(r -> {
                    assertThat(r.getString("status")).isEqualTo("REJECTED");
                    assertThat(r.getString("message")).contains("WBC", "abc");
                });
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
    }

    @Test
    void aPredictionComesWithItsExplanationAndAWarningForUnusualInput() throws Exception {
        ApiClient doctor = doctor("explained");
        byte[] workbook = Workbooks.of(
                List.of("Patient ID", "Age (years)", "WBC (10^9/L)", "MCV (fL)", "MCHC (g/L)",
                        "Platelets (10^9/L)", "Neutrophils (10^9/L)", "Lymphocytes (10^9/L)",
                        "Monocytes (10^9/L)", "PT (%)", "Fibrinogen (g/L)", "LDH (U/L)"),
                List.of(Arrays.asList("USUAL-" + run, 45, 3.2, 92.0, 335, 28, 0.4, 1.1, 0.05,
                                61, 1.0, 520),
                        Arrays.asList("ODD-" + run, 45, 3.2, 92.0, 335, 28, 0.4, 1.1, 0.05,
                                61, 1.0, 20000)));

        JsonArray rows = ApiClient.object(doctor.upload("api/uploads", "odd.xlsx", workbook))
                .getJsonArray("rows");
        JsonObject odd = ApiClient.array(doctor.get("api/patients")).getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("externalId").startsWith("ODD")).findFirst()
                .orElseThrow();
        JsonObject record = ApiClient.object(doctor.get("api/patients/"
                + odd.getJsonNumber("patientId").longValue()));
        HttpResponse<String> page = doctor.get("app/patient.xhtml?id="
                + odd.getJsonNumber("patientId").longValue());

        assertThat(rows.getJsonObject(1).getString("status")).isEqualTo("STORED_WITH_WARNINGS");
        assertThat(rows.getJsonObject(1).getString("message"))
                .contains("Outside the model's experience", "20000");
        assertThat(odd.getBoolean("outsideExperience")).isTrue();
        JsonArray contributions = record.getJsonArray("panels").getJsonObject(0)
                .getJsonArray("contributions");
        assertThat(contributions).isNotEmpty();
        assertThat(contributions.getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("parameter")).contains("Fibrinogen");
        assertThat(page.body()).contains("What drove the suggestion",
                "Outside the model", "never replaces");
    }

    @Test
    void anUploadKeepsItsFileAndReportAndTheSameFileIsNotStoredTwice() throws Exception {
        ApiClient doctor = doctor("traced");
        ApiClient other = doctor("snoop");
        byte[] workbook = smallWorkbook("T1-" + run, "T2-" + run);

        JsonObject first = ApiClient.object(doctor.upload("api/uploads", "traced.xlsx",
                workbook));
        long uploadId = first.getJsonNumber("uploadId").longValue();
        HttpResponse<byte[]> file = doctor.getBytes("api/uploads/" + uploadId + "/file");
        HttpResponse<byte[]> report = doctor.getBytes("api/uploads/" + uploadId + "/report");
        HttpResponse<String> again = doctor.upload("api/uploads", "renamed.xlsx", workbook);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(workbook);
        assertThat(file.headers().firstValue("Digest")).hasValueSatisfying(digest -> assertThat(
                HexFormat.of().formatHex(Base64.getDecoder().decode(digest.substring(8))))
                .isEqualTo(first.getString("sha256")));
        assertThat(report.statusCode()).isEqualTo(200);
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            List<String> lines = new ArrayList<>();
            read.getSheetAt(0).forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                lines.add(String.join("|", cells));
            });
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("traced.xlsx"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2.0|T1-" + run
                    + "|stored"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("3.0|T2-" + run));
        }
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(again).getString("error"))
                .contains("uploaded this very file before", "traced.xlsx");
        assertThat(ApiClient.array(doctor.get("api/patients"))).hasSize(2);
        assertThat(other.getBytes("api/uploads/" + uploadId + "/file").statusCode())
                .isEqualTo(404);
        assertThat(other.getBytes("api/uploads/" + uploadId + "/report").statusCode())
                .isEqualTo(404);
        ApiClient auditor = ApiClient.newUser(applicationUrl(), "filereader-" + run, PASSWORD,
                "AUDITOR");
        HttpResponse<byte[]> audited = auditor.getBytes("api/uploads/" + uploadId + "/file");
        assertThat(audited.statusCode()).as("an auditor reads every upload").isEqualTo(200);
        assertThat(audited.body()).isEqualTo(workbook);
        assertThat(auditor.getBytes("api/uploads/" + uploadId + "/report").statusCode())
                .isEqualTo(200);
        assertThat(ApiClient.object(auditor.get("api/audit?targetType=upload&targetId="
                + uploadId + "&actor=filereader-" + run)).getJsonArray("entries")
                .getValuesAs(JsonObject.class)).extracting(e -> e.getString("action"))
                .containsExactly("VIEW", "EXPORT");
        HttpResponse<String> sameFileByAnotherDoctor = other.upload("api/uploads",
                "traced.xlsx", workbook);
        assertThat(sameFileByAnotherDoctor.statusCode()).isEqualTo(200);
    }

    @Test
    void theSameFileSentThreeTimesAtOnceIsStoredOnceAndTheOthersAreToldWhy() throws Exception {
        ApiClient doctor = doctor("doubleclick");
        byte[] workbook = smallWorkbook("D1-" + run, "D2-" + run);

        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent =
                new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return doctor.upload("api/uploads", "twice.xlsx", workbook);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<HttpResponse<String>> answers = sent.stream()
                .map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode)
                .containsOnlyOnce(200).allMatch(code -> code == 200 || code == 400
                        || code == 409);
        assertThat(answers.stream().filter(a -> a.statusCode() != 200))
                .allSatisfy(a -> assertThat(ApiClient.object(a).getString("error"))
                        .containsAnyOf("uploaded this very file before", "same moment"));
        assertThat(ApiClient.array(doctor.get("api/patients"))).hasSize(2);
    }

    @Test
    void aKnownPatientGetsANewPanelAndPredictionNotASecondRecord() throws Exception {
        ApiClient doctor = doctor("followup");
        doctor.upload("api/uploads", "monday.xlsx", smallWorkbook("K1-" + run, "K2-" + run));

        HttpResponse<String> later = doctor.upload("api/uploads", "tuesday.xlsx",
                laterWorkbook("K1-" + run, "K3-" + run));

        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        JsonArray predictions = ApiClient.array(doctor.get("api/patients"));
        assertThat(predictions.getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("externalId"))
                .containsExactlyInAnyOrder("K1-" + run, "K1-" + run, "K2-" + run, "K3-" + run);
        long known = predictions.getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("externalId").equals("K1-" + run))
                .map(p -> p.getJsonNumber("patientId").longValue()).distinct()
                .reduce((a, b) -> { throw new AssertionError("two records for K1"); })
                .orElseThrow();
        JsonArray panels = ApiClient.object(doctor.get("api/patients/" + known))
                .getJsonArray("panels");
        assertThat(panels).hasSize(2);
        assertThat(panels.getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("sourceFile"))
                .containsExactlyInAnyOrder("tuesday.xlsx", "monday.xlsx");
    }

    @Test
    void theSameResultsSentAgainInAnotherFileAreNotStoredTwiceAndTheRowSaysWhereTheyAre()
            throws Exception {
        ApiClient doctor = doctor("resend");
        doctor.upload("api/uploads", "first.xlsx", smallWorkbook("R1-" + run, "R2-" + run));
        List<Object> r1 = List.of("R1-" + run, "F", 34, 2.1, 92.0, 335, 31, 58, 0.9, 410, 0.3,
                1.5, 0.05);
        List<Object> r2Corrected = List.of("R2-" + run, "M", 7, 48.0, 84.0, 340, 40, 85, 3.1,
                1980, 1.0, 20.0, 0.4);
        List<Object> r3 = List.of("R3-" + run, "M", 51, 12.0, 95.0, 338, 60, 70, 2.5, 900, 6.0,
                4.0, 1.2);

        // the laboratory's export again, one LDH corrected, a new patient, one row twice
        JsonObject answer = ApiClient.object(doctor.upload("api/uploads", "again.xlsx",
                Workbooks.of(Workbooks.PANEL, List.of(r1, r2Corrected, r3, r3))));
        JsonArray rows = answer.getJsonArray("rows");

        assertThat(List.of(answer.getInt("rowsStored"), answer.getInt("rowsRejected")))
                .containsExactly(2, 2);
        assertThat(rows.getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("status").equals("REJECTED"))
                .containsExactly(true, false, false, true);
        assertThat(rows.getJsonObject(0).getString("message")).contains("R1-" + run,
                "already stored, from row 2 of the file first.xlsx (upload ",
                "not stored a second time");
        assertThat(rows.getJsonObject(3).getString("message"))
                .contains("R3-" + run, "already stored, from row 4 of this file");
        Map<String, Long> panels = ApiClient.array(doctor.get("api/patients"))
                .getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(p -> p.getString("externalId").split("-")[0],
                        Collectors.counting()));
        assertThat(panels).containsExactlyInAnyOrderEntriesOf(
                Map.of("R1", 1L, "R2", 2L, "R3", 1L));
    }

    @Test
    void aSemicolonCsvExportIsReadWithItsUnitsDatesAndCensoredValues() throws Exception {
        ApiClient doctor = doctor("csv");
        byte[] csv = ("Export hématologie\n"
                + "IPP;Date de naissance;Date de prélèvement;GB (/mm3);CCMH (g/dL);"
                + "Plaquettes (G/L);TP (%);Fibrinogène (g/L);LDH (UI/L)\n"
                + "C1-" + run + ";02/05/1961;12/03/2024;12 500;33,4;<10;52 L;0,9;1890\n"
                + "C2-" + run + ";;;3,1;34;150;95;3,2;many\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        JsonArray rows = ApiClient.object(doctor.upload("api/uploads", "export.csv", csv))
                .getJsonArray("rows");
        JsonObject patient = ApiClient.array(doctor.get("api/patients")).getJsonObject(0);
        JsonObject panel = ApiClient.object(doctor.get("api/patients/"
                + patient.getJsonNumber("patientId").longValue())).getJsonArray("panels")
                .getJsonObject(0);

        assertThat(rows.getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("rowNumber") + " " + r.getString("status"))
                .containsExactly("3 STORED_WITH_WARNINGS", "4 REJECTED");
        assertThat(rows.getJsonObject(0).getString("message"))
                .contains("12500 /mm3 converted to 12.5", "'<10'", "Age 62.9 years");
        assertThat(rows.getJsonObject(1).getString("message")).contains("LDH", "'many'");
        assertThat(patient.getString("externalId")).isEqualTo("C1-" + run);
        assertThat(panel.getJsonNumber("ageYears").doubleValue()).isEqualTo(62.9);
        assertThat(panel.getJsonArray("results").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("parameter") + "=" + r.getJsonNumber("value"))
                .contains("wbc=12.5", "mchc=334.0", "platelets=10.0", "pt_pct=52.0");
    }

    @Test
    void theDoctorCorrectsTheMappingSavesItAndTheLaboratorysNextFileIsReadTheSameWay()
            throws Exception {
        ApiClient doctor = doctor("mapping");
        String header = "No;Leuco;Fibrinogène;Service\n";
        byte[] first = (header + "M1-" + run + ";4500;310;H4\n").getBytes(StandardCharsets.UTF_8);
        byte[] next = (header + "M2-" + run + ";12000;150;H4\n").getBytes(StandardCharsets.UTF_8);

        JsonObject preview = ApiClient.object(doctor.upload("api/uploads/preview", "lab.csv",
                first));
        assertThat(preview.getInt("rows")).isEqualTo(1);
        assertThat(preview.getJsonArray("columns").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("header") + "=" + c.getString("target"))
                .containsExactly("No=", "Leuco=", "Fibrinogène=fibrinogen",
                        "Service=");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();

        String mapping = "[{\"header\":\"No\",\"target\":\"identifier\"},"
                + "{\"header\":\"Leuco\",\"target\":\"wbc\",\"unit\":\"/mm3\"},"
                + "{\"header\":\"Fibrinogène\",\"target\":\"fibrinogen\",\"unit\":\"mg/dL\"},"
                + "{\"header\":\"Service\",\"target\":\"\"}]";
        HttpResponse<String> typo = doctor.upload("api/uploads", "lab.csv", first,
                Map.of("mapping", "[{\"header\":\"No\",\"target\":\"identifier\"},"
                        + "{\"header\":\"Lueco\",\"target\":\"wbc\"}]"));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(typo).getString("error")).contains("'Lueco'");
        HttpResponse<String> imported = doctor.upload("api/uploads", "lab.csv", first,
                Map.of("mapping", mapping, "saveAs", "Lab Nord"));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ApiClient.object(imported).getJsonArray("rows").getJsonObject(0)
                .getString("message")).contains("4500 /mm3 converted to 4.5",
                        "310 mg/dL converted to 3.1");

        JsonObject nextPreview = ApiClient.object(doctor.upload("api/uploads/preview",
                "lab-2.csv", next));
        HttpResponse<String> nextImport = doctor.upload("api/uploads", "lab-2.csv", next);

        assertThat(nextPreview.getString("savedMapping")).isEqualTo("Lab Nord");
        assertThat(ApiClient.object(nextImport).getJsonArray("rows").getJsonObject(0)
                .getString("patientId")).isEqualTo("M2-" + run);
        assertThat(ApiClient.array(doctor.get("api/patients")))
                .extracting(p -> p.asJsonObject().getString("externalId"))
                .containsExactlyInAnyOrder("M1-" + run, "M2-" + run);

        HttpResponse<String> saveAgain = doctor.upload("api/uploads", "lab-3.csv",
                (header + "M3-" + run + ";5000;300;H4\n").getBytes(StandardCharsets.UTF_8),
                Map.of("mapping", mapping.replace("mg/dL", "g/L"), "saveAs", "Lab Nord"));
        assertThat(saveAgain.statusCode()).as(saveAgain.body()).isEqualTo(200);
        ApiClient auditor = ApiClient.newUser(applicationUrl(), "mapreader-" + run, PASSWORD,
                "AUDITOR");
        List<JsonObject> trail = ApiClient.object(auditor.get("api/audit?actor=mapping-" + run
                + "&targetType=column-mapping")).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        assertThat(trail).extracting(e -> e.getString("action"))
                .containsExactly("CHANGE", "CREATE");
        assertThat(trail.get(1).getString("details")).contains("\"laboratory\":\"Lab Nord\"",
                "Leuco -> wbc (/mm3)", "Fibrinogène -> fibrinogen (mg/dL)", "Service -> ignored");
        assertThat(trail.get(0).getString("details")).contains("fibrinogen (mg/dL)",
                "fibrinogen (g/L)");

        // the doctor lists and deletes it; nobody else can
        List<JsonObject> saved = ApiClient.array(doctor.get("api/uploads/mappings"))
                .getValuesAs(JsonObject.class);
        assertThat(saved).extracting(m -> m.getString("laboratory")).containsExactly("Lab Nord");
        assertThat(saved.get(0).getJsonArray("columns").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .contains("Leuco -> wbc (/mm3)", "Fibrinogène -> fibrinogen (g/L)");
        long mappingId = saved.get(0).getJsonNumber("id").longValue();
        assertThat(doctor.get("app/upload.xhtml").body()).contains("Your saved mappings",
                "Lab Nord", "Leuco -&gt; wbc (/mm3)");
        ApiClient other = doctor("mapping-other");
        assertThat(ApiClient.array(other.get("api/uploads/mappings"))).isEmpty();
        assertThat(other.delete("api/uploads/mappings/" + mappingId).statusCode())
                .isEqualTo(404);
        assertThat(auditor.delete("api/uploads/mappings/" + mappingId).statusCode())
                .isEqualTo(403);
        assertThat(doctor.delete("api/uploads/mappings/" + mappingId).statusCode())
                .isEqualTo(204);
        assertThat(doctor.delete("api/uploads/mappings/" + mappingId).statusCode())
                .isEqualTo(404);
        assertThat(ApiClient.array(doctor.get("api/uploads/mappings"))).isEmpty();
        JsonObject afterDeletion = ApiClient.object(doctor.upload("api/uploads/preview",
                "lab-4.csv", (header + "M4-" + run + ";5000;300;H4\n")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(afterDeletion.containsKey("savedMapping")).isFalse();
        List<JsonObject> removal = ApiClient.object(auditor.get("api/audit?targetType="
                + "column-mapping&targetId=" + mappingId)).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        assertThat(removal).extracting(e -> e.getString("action") + " by "
                + e.getString("actor")).contains("REMOVE by mapping-" + run,
                        "REFUSED by mapping-other-" + run);
        assertThat(removal).filteredOn(e -> e.getString("action").equals("REMOVE"))
                .singleElement().satisfies(e -> assertThat(e.getString("details"))
                        .contains("Lab Nord", "Leuco -> wbc (/mm3)"));
    }

    @Test
    void identifiersThatDifferOnlyInCaseAreOnePatientAndNeverFailTheUpload() throws Exception {
        ApiClient doctor = doctor("case");
        String lower = "case-" + run;
        String upper = lower.toUpperCase(java.util.Locale.ROOT);

        HttpResponse<String> both = doctor.upload("api/uploads", "case.xlsx",
                smallWorkbook(lower, upper));
        HttpResponse<String> later = doctor.upload("api/uploads", "case-2.xlsx",
                laterWorkbook(upper, "other-" + run));

        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        List<JsonObject> rows = ApiClient.object(both).getJsonArray("rows")
                .getValuesAs(JsonObject.class);
        assertThat(rows).extracting(r -> r.getString("status")).doesNotContain("REJECTED");
        assertThat(rows.get(1).getString("message")).contains("The identifier " + upper
                + " was read as the patient " + lower);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(ApiClient.object(later).getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("status")).doesNotContain("REJECTED");
        List<String> patients = ApiClient.array(doctor.get("api/patients?q=case-"))
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("externalId"))
                .distinct().toList();
        // one patient on MySQL and MariaDB, whose key ignores case; H2's does not
        assertThat(patients).contains(lower).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void anAdministratorRegistersAModelTrainedElsewhereAndCanGoBackToTheEarlierOne()
            throws Exception {
        ApiClient admin = new ApiClient(applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        ApiClient doctor = doctor("models");
        int serving = servingVersion(admin);
        byte[] bundle = new ModelTrainer(TrainingSettings.defaults().withNumTrees(20))
                .train(SyntheticCohort.draw(300, 5), "a cohort trained elsewhere", true)
                .toBytes();

        assertThat(doctor.postBytes("api/models", "application/zip", bundle).statusCode())
                .isEqualTo(403);
        HttpResponse<String> garbage = admin.postBytes("api/models", "application/zip",
                "not a model".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(garbage).getString("error"))
                .contains("not a model bundle");
        // the same bundle edited by hand to suggest APL whatever the probabilities say
        ModelBundle read = ModelBundle.fromZip(bundle);
        String edited = read.metadataJson().replaceFirst(
                "\"decisionWeights\"\\s*:\\s*\\[[^\\]]*\\]", "\"decisionWeights\" : [0.0, 0.0, 1000.0]");
        assertThat(edited).isNotEqualTo(read.metadataJson());
        HttpResponse<String> tampered = admin.postBytes("api/models", "application/zip",
                new ModelBundle(read.models(), edited, read.provenanceJson()).toZip());
        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
        assertThat(ApiClient.object(tampered).getString("error"))
                .contains("decision weights", "are not those of the rule");
        assertThat(servingVersion(admin)).isEqualTo(serving);
        HttpResponse<String> registered = admin.postBytes("api/models", "application/zip",
                bundle);
        try {
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            int version = ApiClient.object(registered).getInt("version");
            assertThat(version).isGreaterThan(serving);
            assertThat(servingVersion(admin)).isEqualTo(version);
            assertThat(ApiClient.object(registered).getString("trainingSource"))
                    .isEqualTo("a cohort trained elsewhere");
            HttpResponse<String> again = admin.postBytes("api/models", "application/zip",
                    bundle);
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(ApiClient.object(again).getString("error"))
                    .contains("registered already, as version " + version);

            doctor.upload("api/uploads", "new-model.xlsx", smallWorkbook("NM1-" + run,
                    "NM2-" + run));
            assertThat(ApiClient.array(doctor.get("api/patients?q=NM1-" + run))
                    .getJsonObject(0).getInt("modelVersion")).isEqualTo(version);
            ApiClient auditor = ApiClient.newUser(applicationUrl(), "modelreader-" + run,
                    PASSWORD, "AUDITOR");
            assertThat(ApiClient.object(auditor.get("api/audit?targetType=model&targetId="
                    + version)).getJsonArray("entries").getValuesAs(JsonObject.class))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getString("action")).isEqualTo("CREATE");
                        assertThat(e.getString("details")).contains("bundleSha256",
                                "\"replacedVersion\":" + serving);
                    });
        } finally {
            HttpResponse<String> back = admin.postJson("api/models/" + serving + "/activate",
                    "");
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        }
        assertThat(servingVersion(admin)).isEqualTo(serving);
        doctor.upload("api/uploads", "old-model.xlsx", smallWorkbook("OM1-" + run,
                "OM2-" + run));
        assertThat(ApiClient.array(doctor.get("api/patients?q=OM1-" + run)).getJsonObject(0)
                .getInt("modelVersion")).isEqualTo(serving);
        assertThat(admin.postJson("api/models/9999/activate", "").statusCode())
                .isEqualTo(400);
    }

    private static int servingVersion(ApiClient client) throws Exception {
        return ApiClient.array(client.get("api/models")).getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getBoolean("active")).findFirst().orElseThrow()
                .getInt("version");
    }

    @Test
    void aLongUploadRunsInTheBackgroundAndItsJobCountsTheRowsDone() throws Exception {
        ApiClient doctor = doctor("background");
        int rows = 3000;

        HttpResponse<String> started = doctor.upload("api/uploads?async=true", "large.xlsx",
                Workbooks.manyPatients("L-" + run, rows));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(ApiClient.object(started).getString("fileName")).isEqualTo("large.xlsx");
        assertThat(ApiClient.object(started).getString("state")).isNotEqualTo("FAILED");
        String job = jobPath(started);
        List<JsonObject> seen = new ArrayList<>();
        JsonObject done = awaitEnd(doctor, job, seen);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(done.getInt("rowsTotal")).isEqualTo(rows);
        assertThat(done.getInt("rowsDone")).isEqualTo(rows);
        assertThat(done.getInt("rowsStored")).isEqualTo(rows - rows / 100);
        assertThat(done.getInt("rowsRejected")).isEqualTo(rows / 100);
        JsonObject report = done.getJsonObject("report");
        assertThat(report.getJsonNumber("uploadId").longValue())
                .isEqualTo(done.getJsonNumber("uploadId").longValue());
        assertThat(report.getJsonArray("rows").getValuesAs(JsonObject.class))
                .hasSize(rows)
                .filteredOn(r -> r.getString("status").equals("REJECTED")).hasSize(rows / 100)
                .allSatisfy(r -> assertThat(r.getString("message")).contains("twelve"));
        // the count moves on by chunks, while nothing is committed yet
        assertThat(seen).extracting(s -> s.getInt("rowsDone")).isSorted();
        assertThat(seen).filteredOn(s -> s.getString("state").equals("PREDICTING_AND_STORING"))
                .allSatisfy(s -> {
                    assertThat(s.getInt("rowsTotal")).isEqualTo(rows);
                    assertThat(s.getInt("rowsDone") % 500 == 0 || s.getInt("rowsDone") == rows)
                            .as("rows done %d", s.getInt("rowsDone")).isTrue();
                });
        assertThat(ApiClient.array(doctor.get("api/uploads/jobs")).getValuesAs(JsonObject.class))
                .extracting(j -> j.getString("id") + " " + j.getString("state"))
                .containsExactly(job.substring(job.lastIndexOf('/') + 1) + " DONE");
        assertThat(ApiClient.array(doctor.get("api/patients?max=1")).getJsonObject(0)
                .getString("externalId")).startsWith("L-" + run);
    }

    @Test
    void aSmallUploadDoesNotWaitForALongOneToFinish() throws Exception {
        ApiClient first = doctor("longone");
        ApiClient second = doctor("shortone");
        String job = jobPath(first.upload("api/uploads?async=true", "long.xlsx",
                Workbooks.manyPatients("LO-" + run, MAX_ROWS)));
        awaitRowsDone(first, job, 500);

        HttpResponse<String> small = second.upload("api/uploads", "short.xlsx",
                smallWorkbook("SH1-" + run, "SH2-" + run));
        String stateMeanwhile = ApiClient.object(first.get(job)).getString("state");

        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(stateMeanwhile).as("the long upload, when the small one was stored")
                .isEqualTo("PREDICTING_AND_STORING");
        assertThat(awaitEnd(first, job, new ArrayList<>()).getString("state")).isEqualTo("DONE");
        assertThat(ApiClient.array(second.get("api/patients"))).hasSize(2);
    }

    @Test
    void anUploadJobIsVisibleOnlyToTheDoctorWhoStartedIt() throws Exception {
        ApiClient owner = doctor("jobowner");
        ApiClient other = doctor("jobsnoop");

        String job = jobPath(owner.upload("api/uploads?async=true", "mine.xlsx",
                smallWorkbook("J1-" + run, "J2-" + run)));
        HttpResponse<String> whileRunning = other.get(job);
        JsonObject done = awaitEnd(owner, job, new ArrayList<>());
        HttpResponse<String> onceDone = other.get(job);

        assertThat(done.getString("state")).as(done.toString()).isEqualTo("DONE");
        assertThat(whileRunning.statusCode()).isEqualTo(404);
        assertThat(onceDone.statusCode()).isEqualTo(404);
        assertThat(ApiClient.object(onceDone).getString("error")).isNotBlank();
        assertThat(whileRunning.body() + onceDone.body()).doesNotContain("mine.xlsx", "J1-");
        assertThat(ApiClient.array(other.get("api/uploads/jobs"))).isEmpty();
        assertThat(ApiClient.array(other.get("api/patients"))).isEmpty();
        assertThat(owner.get("api/uploads/jobs/no-such-job").statusCode()).isEqualTo(404);
    }

    @Test
    void aFileRefusedInTheBackgroundEndsFailedWithItsReasonAndNothingIsStored()
            throws Exception {
        ApiClient doctor = doctor("bgrefused");

        HttpResponse<String> started = doctor.upload("api/uploads?async=true", "results.xlsx",
                "patient,wbc\nA,12\n".getBytes(StandardCharsets.UTF_8));
        JsonObject failed = awaitEnd(doctor, jobPath(started), new ArrayList<>());

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("error")).contains("holds text", ".csv name");
        assertThat(failed).doesNotContainKeys("uploadId", "report");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
    }

    @Test
    void theSameFileStartedTwiceAtOnceInTheBackgroundIsStoredOnce() throws Exception {
        ApiClient doctor = doctor("bgtwice");
        byte[] workbook = smallWorkbook("W1-" + run, "W2-" + run);

        String first = jobPath(doctor.upload("api/uploads?async=true", "twice.xlsx", workbook));
        String second = jobPath(doctor.upload("api/uploads?async=true", "twice.xlsx", workbook));
        List<JsonObject> ends = List.of(awaitEnd(doctor, first, new ArrayList<>()),
                awaitEnd(doctor, second, new ArrayList<>()));

        assertThat(ends).extracting(e -> e.getString("state"))
                .containsExactlyInAnyOrder("DONE", "FAILED");
        assertThat(ends).filteredOn(e -> e.getString("state").equals("FAILED"))
                .singleElement().satisfies(e -> assertThat(e.getString("error"))
                        .containsAnyOf("uploaded this very file before", "same moment"));
        assertThat(ApiClient.array(doctor.get("api/patients"))).hasSize(2);
    }

    @Test
    void aBinaryWorkbookOrAnEmptyFileIsRefusedWithItsReason() throws Exception {
        ApiClient doctor = doctor("xlsb");

        HttpResponse<String> xlsb = doctor.upload("api/uploads", "results.xlsb",
                smallWorkbook("B1-" + run, "B2-" + run));
        HttpResponse<String> empty = doctor.upload("api/uploads", "results.xlsx", new byte[0]);
        HttpResponse<String> disguised = doctor.upload("api/uploads", "results.csv",
                smallWorkbook("B3-" + run, "B4-" + run));

        assertThat(xlsb.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(xlsb).getString("error")).contains(".xlsb", "save it as .xlsx");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(empty).getString("error")).contains("empty");
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(disguised).getString("error")).contains("not a CSV");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
    }

    @Test
    void anUploadPostedFromAnotherSiteIsRefused() throws Exception {
        ApiClient doctor = doctor("forged");

        HttpResponse<String> answer = doctor.uploadWithoutApiHeader("api/uploads", "x.xlsx",
                smallWorkbook("F1-" + run, "F2-" + run));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(answer).getString("error")).contains("X-Requested-By");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAndNothingStored() throws Exception {
        ApiClient doctor = doctor("refused");

        HttpResponse<String> answer = doctor.upload("api/uploads", "results.xlsx",
                "patient,wbc\nA,12\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(answer).getString("error"))
                .contains("named as an Excel workbook but holds text", "give it its .csv name");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
    }

    @Test
    void aFileOverTheRowLimitIsRefusedAfterItsFirstRowsWereWrittenAndNothingOfItIsStored()
            throws Exception {
        ApiClient doctor = doctor("overlimit");
        byte[] file = Workbooks.manyPatients("O-" + run, MAX_ROWS + 1);

        HttpResponse<String> answer = doctor.upload("api/uploads", "over.xlsx", file);
        HttpResponse<String> again = doctor.upload("api/uploads", "over.xlsx", file);

        // the rows are written as they are read, so the limit is met after twenty chunks
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(ApiClient.object(answer).getString("error"))
                .contains("more than " + MAX_ROWS + " patient rows");
        assertThat(ApiClient.array(doctor.get("api/patients"))).isEmpty();
        assertThat(ApiClient.object(again).getString("error")).as("not taken for a repeat")
                .contains("more than " + MAX_ROWS).doesNotContain("before");
    }

    @Test
    void theTemplateNamesEveryColumnWithItsUnit() throws Exception {
        HttpResponse<byte[]> answer = doctor("template").getBytes("api/uploads/template");

        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(
                new java.io.ByteArrayInputStream(answer.body()))) {
            Row header = workbook.getSheetAt(0).getRow(0);
            List<String> names = new java.util.ArrayList<>();
            header.forEach(cell -> names.add(cell.getStringCellValue()));
            assertThat(names).contains("Patient ID", "WBC (10^9/L)", "MCHC (g/L)",
                    "Fibrinogen (g/L)", "LDH (U/L)");
        }
    }

    @Test
    void onlyAnAdministratorRegistersUsers() throws Exception {
        ApiClient doctor = doctor("noadmin");

        HttpResponse<String> answer = doctor.postJson("api/admin/users",
                "{\"username\":\"sneaky-" + run + "\",\"password\":\"long-enough-pw\","
                        + "\"roles\":[\"ADMIN\"]}");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(answer).getString("error")).contains("role");
    }

    @Test
    void auditorsSeeHowTheServingModelWasTrained() throws Exception {
        ApiClient doctor = doctor("models");

        JsonObject model = ApiClient.array(doctor.get("api/models")).getJsonObject(0);
        HttpResponse<String> page = doctor.get("app/models.xhtml");

        assertThat(model.getInt("version")).isEqualTo(1);
        assertThat(model.getBoolean("syntheticTrainingData")).isTrue();
        assertThat(model.getString("trainingDataSha256")).matches("[0-9a-f]{64}");
        assertThat(model.getString("provenanceJson")).contains("XGBoost");
        assertThat(model.getString("modelCard")).contains("Intended use");
        assertThat(page.body()).contains("Model card", "synthetic patients", "Tribuo provenance",
                "<h2>Intended use</h2>");
    }

    @Test
    void malformedApiRequestsGetAJsonError() throws Exception {
        ApiClient admin = new ApiClient(applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);

        HttpResponse<String> badJson = admin.postJson("api/admin/users", "{\"username\":");
        HttpResponse<String> badRole = admin.postJson("api/admin/users",
                "{\"username\":\"x-" + run + "\",\"password\":\"long-enough-pw\","
                        + "\"roles\":[\"SURGEON\"]}");
        HttpResponse<String> blankPassword = admin.postJson("api/admin/users",
                "{\"username\":\"blank-" + run + "\",\"password\":\"            \","
                        + "\"roles\":[\"DOCTOR\"]}");
        HttpResponse<String> badId = doctor("badid").get("api/patients/abc");

        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(badJson).getString("error")).contains("not valid JSON");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(badRole).getString("error")).contains("Unknown role");
        assertThat(blankPassword.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(blankPassword).getString("error")).contains("spaces");
        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(ApiClient.object(badId).getString("error")).isNotBlank();
    }

    /** Registers a new doctor as the administrator and signs in as that doctor. */
    protected ApiClient doctor(String name) throws Exception {
        ApiClient admin = new ApiClient(applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        String username = name + "-" + run;
        admin.registerUser(username, PASSWORD, "DOCTOR");

        ApiClient doctor = new ApiClient(applicationUrl());
        doctor.signIn(username, PASSWORD);
        return doctor;
    }

    /** A workbook with two plausible patients. */
    protected static byte[] smallWorkbook(String first, String second) throws Exception {
        return Workbooks.of(Workbooks.PANEL,
                List.of(List.of(first, "F", 34, 2.1, 92.0, 335, 31, 58, 0.9, 410, 0.3, 1.5,
                                0.05),
                        List.of(second, "M", 7, 48.0, 84.0, 340, 40, 85, 3.1, 1890, 1.0, 20.0,
                                0.4)));
    }

    /**
     * The two patients of {@link #smallWorkbook} sampled again: the same columns, other values,
     * so that a patient of both files gets a second panel (the same results are stored once).
     */
    protected static byte[] laterWorkbook(String first, String second) throws Exception {
        return Workbooks.of(Workbooks.PANEL,
                List.of(List.of(first, "F", 34, 3.4, 91.0, 331, 45, 61, 1.2, 380, 0.9, 2.0,
                                0.1),
                        List.of(second, "M", 7, 39.0, 86.0, 338, 52, 80, 2.8, 1650, 1.1, 16.0,
                                0.5)));
    }

    /** The path of the job that an upload with {@code async=true} started, from its answer. */
    private String jobPath(HttpResponse<String> started) throws Exception {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(applicationUrl() + "api/uploads/jobs/");
        return location.substring(applicationUrl().length());
    }

    /** Asks for a job every 50 ms until it has done at least {@code rows} rows. */
    private static void awaitRowsDone(ApiClient doctor, String job, int rows) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonObject state = ApiClient.object(doctor.get(job));
            assertThat(state.getString("state")).as(state.toString()).isNotIn("DONE", "FAILED");
            if (state.getInt("rowsDone") >= rows) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not reach " + rows + " rows");
    }

    /** Asks for a job every 100 ms until it is done or has failed, keeping every answer. */
    private static JsonObject awaitEnd(ApiClient doctor, String job, List<JsonObject> seen)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = doctor.get(job);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonObject state = ApiClient.object(answer);
            seen.add(state);
            if (List.of("DONE", "FAILED").contains(state.getString("state"))) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The job did not end in 5 minutes: " + seen.get(
                seen.size() - 1));
    }
}
