package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient's record as doctors manage it, checked on a real deployment: the owning doctor
 * edits the demographics, records the diagnosis, adds notes, downloads the report and removes
 * the patient; another doctor, an auditor and an administrator try the same by page URL and by
 * direct request, and are refused; an administrator assigns the patient to another doctor.
 * Subclasses name the deployment (Payara Micro with the WAR, Payara Server with the EAR).
 */
public abstract class PatientRecordContract {

    private static final String PASSWORD = "record-password-42";

    private String run;

    /** @return the application's URL, ending in "/" */
    protected abstract String applicationUrl() throws Exception;

    @BeforeEach
    void nameThisRun() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anotherDoctorCanNeitherOpenNorChangeNorExportAPatient() throws Exception {
        ApiClient owner = user("owner", "DOCTOR");
        ApiClient other = user("intruder", "DOCTOR");
        long id = uploadOne(owner, "A1-" + run);
        JsonObject before = ApiClient.object(owner.get("api/patients/" + id));

        List<HttpResponse<String>> attempts = List.of(
                other.get("api/patients/" + id),
                other.get("app/patient.xhtml?id=" + id),
                other.putJson("api/patients/" + id, demographics("Mallory", "1970-01-01",
                        "MALE", before.getInt("version"))),
                other.putJson("api/patients/" + id + "/diagnosis", "{\"diagnosis\":\"AML\"}"),
                other.postJson("api/patients/" + id + "/notes", "{\"body\":\"mine now\"}"),
                other.delete("api/patients/" + id),
                other.get("api/patients/" + id + "/report"));

        assertThat(attempts).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("A1-" + run);
        });
        assertThat(ApiClient.array(other.get("api/patients"))).isEmpty();
        assertUnchanged(owner, id, before);
        assertThat(refusals(id, "intruder-" + run)).containsExactly(
                "export the report: the patient is another doctor's",
                "remove the patient: the patient is another doctor's",
                "add a note: the patient is another doctor's",
                "record the diagnosis: the patient is another doctor's",
                "change the demographics: the patient is another doctor's",
                "view the record: the patient is another doctor's",
                "view the record: the patient is another doctor's");
    }

    @Test
    void anAuditorReadsAndDownloadsTheReportButEveryChangeIsRefused() throws Exception {
        ApiClient owner = user("audited", "DOCTOR");
        ApiClient auditor = user("auditor", "AUDITOR");
        ApiClient admin = signedIn("admin", DeployedApplication.ADMIN_PASSWORD);
        long id = uploadOne(owner, "AU-" + run);
        JsonObject before = ApiClient.object(owner.get("api/patients/" + id));

        HttpResponse<String> record = auditor.get("api/patients/" + id);
        HttpResponse<String> page = auditor.get("app/patient.xhtml?id=" + id);
        HttpResponse<byte[]> report = auditor.getBytes("api/patients/" + id + "/report");
        List<HttpResponse<String>> changes = List.of(
                auditor.putJson("api/patients/" + id, demographics("Eve", null, "FEMALE",
                        before.getInt("version"))),
                auditor.putJson("api/patients/" + id + "/diagnosis", "{\"diagnosis\":\"ALL\"}"),
                auditor.postJson("api/patients/" + id + "/notes", "{\"body\":\"audited\"}"),
                auditor.delete("api/patients/" + id),
                auditor.putJson("api/patients/" + id, "{\"fullName\":\"a\",\"version\":"
                        + before.getInt("version") + "}"),
                admin.putJson("api/patients/" + id, demographics("Eve", null, "FEMALE",
                        before.getInt("version"))),
                admin.delete("api/patients/" + id));

        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(ApiClient.object(record).getBoolean("changeable")).isFalse();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("AU-" + run, "never replaces", "Download the report")
                .doesNotContain("Manage the record", "Save demographics", "Add the note");
        assertPdf(report);
        assertThat(changes).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(403);
            assertThat(ApiClient.object(answer).getString("error")).contains("role");
        });
        assertThat(admin.get("api/patients/" + id).statusCode()).isEqualTo(403);
        HttpResponse<String> refusedPage = admin.get("app/patient.xhtml?id=" + id);
        assertThat(refusedPage.statusCode()).isEqualTo(403);
        assertThat(refusedPage.body()).contains("Back to the start page")
                .doesNotContain("your patients");
        assertUnchanged(owner, id, before);
        String role = ": the caller's role does not allow it";
        assertThat(refusals(id, "auditor-" + run)).containsExactly(
                "PUT /api/patients/" + id + role, "DELETE /api/patients/" + id + role,
                "POST /api/patients/" + id + "/notes" + role,
                "PUT /api/patients/" + id + "/diagnosis" + role, "PUT /api/patients/" + id + role);
        assertThat(refusals(id, "admin")).containsExactly("GET /app/patient.xhtml" + role,
                "GET /api/patients/" + id + role, "DELETE /api/patients/" + id + role,
                "PUT /api/patients/" + id + role);
    }

    /**
     * What {@code actor} was refused about a patient, newest first, as read by an auditor
     * through the API: what was asked, and why it was refused.
     */
    private List<String> refusals(long patientId, String actor) throws Exception {
        ApiClient auditor = user("reader" + UUID.randomUUID().toString().substring(0, 4),
                "AUDITOR");
        HttpResponse<String> page = auditor.get("api/audit?targetType=patient&targetId="
                + patientId + "&actor=" + actor);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return ApiClient.object(page).getJsonArray("entries").getValuesAs(JsonObject.class)
                .stream().filter(e -> e.getString("action").equals("REFUSED"))
                .map(e -> Json.createReader(new StringReader(e.getString("details")))
                        .readObject())
                .map(d -> d.getString("asked") + ": " + d.getString("reason")).toList();
    }

    @Test
    void theOwnerEditsTheRecordAndEveryChangeShowsOnReRead() throws Exception {
        ApiClient owner = user("editor", "DOCTOR");
        long id = uploadOne(owner, "E1-" + run);
        int version = ApiClient.object(owner.get("api/patients/" + id)).getInt("version");

        HttpResponse<String> described = owner.putJson("api/patients/" + id,
                demographics("Jeanne Müller", "1961-03-14", "FEMALE", version));
        HttpResponse<String> stale = owner.putJson("api/patients/" + id,
                demographics("Someone Else", null, "MALE", version));
        HttpResponse<String> diagnosed = owner.putJson("api/patients/" + id + "/diagnosis",
                "{\"diagnosis\":\"APL\"}");
        HttpResponse<String> noted = owner.postJson("api/patients/" + id + "/notes",
                "{\"body\":\"t(15;17) confirmed <b>today</b>\"}");
        HttpResponse<String> forged = owner.sendWithoutApiHeader("PUT", "api/patients/" + id,
                demographics("Forged", null, "MALE", version + 3));

        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        assertThat(ApiClient.object(described).getInt("version")).isGreaterThan(version);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(ApiClient.object(stale).getString("error"))
                .contains("changed by someone else meanwhile", "Reload");
        assertThat(diagnosed.statusCode()).as(diagnosed.body()).isEqualTo(200);
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(201);
        assertThat(forged.statusCode()).isEqualTo(403);

        JsonObject record = ApiClient.object(owner.get("api/patients/" + id));
        assertThat(record.getString("fullName")).isEqualTo("Jeanne Müller");
        assertThat(record.getString("birthDate")).isEqualTo("1961-03-14");
        assertThat(record.getString("sex")).isEqualTo("FEMALE");
        assertThat(record.getString("confirmedDiagnosis")).isEqualTo("APL");
        assertThat(record.getString("diagnosisRecordedBy")).isEqualTo("editor-" + run);
        assertThat(record.getBoolean("changeable")).isTrue();
        assertThat(record.getJsonArray("notes").getJsonObject(0).getString("body"))
                .isEqualTo("t(15;17) confirmed <b>today</b>");
        HttpResponse<String> page = owner.get("app/patient.xhtml?id=" + id);
        assertThat(page.body()).contains("Manage the record", "Jeanne Müller", "APL",
                "t(15;17) confirmed &lt;b&gt;today&lt;/b&gt;", "never replaces");
        assertPdf(owner.getBytes("api/patients/" + id + "/report"));
        // the list filters by what was recorded
        assertThat(listed(owner, "diagnosed=true")).containsExactly("E1-" + run);
        assertThat(listed(owner, "diagnosed=false")).containsExactly("other-E1-" + run);

        HttpResponse<String> withdrawn = owner.putJson("api/patients/" + id + "/diagnosis",
                "{\"diagnosis\":null}");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(absent(ApiClient.object(withdrawn), "confirmedDiagnosis")).isTrue();
        assertThat(listed(owner, "diagnosed=true")).isEmpty();
        assertThat(listed(owner, "diagnosed=false"))
                .containsExactlyInAnyOrder("E1-" + run, "other-E1-" + run);
    }

    @Test
    void invalidChangesAreRefusedWithTheirReason() throws Exception {
        ApiClient owner = user("careful", "DOCTOR");
        long id = uploadOne(owner, "V1-" + run);
        int version = ApiClient.object(owner.get("api/patients/" + id)).getInt("version");

        HttpResponse<String> future = owner.putJson("api/patients/" + id, demographics("X",
                LocalDate.now().plusYears(1).toString(), "MALE", version));
        HttpResponse<String> longName = owner.putJson("api/patients/" + id,
                demographics("N".repeat(201), null, "MALE", version));
        HttpResponse<String> badDate = owner.putJson("api/patients/" + id,
                demographics("X", "14/03/1961", "MALE", version));
        HttpResponse<String> noVersion = owner.putJson("api/patients/" + id,
                "{\"fullName\":\"X\",\"sex\":\"MALE\"}");
        HttpResponse<String> badDiagnosis = owner.putJson("api/patients/" + id + "/diagnosis",
                "{\"diagnosis\":\"CML\"}");
        HttpResponse<String> emptyNote = owner.postJson("api/patients/" + id + "/notes",
                "{\"body\":\"   \"}");
        HttpResponse<String> longNote = owner.postJson("api/patients/" + id + "/notes",
                "{\"body\":\"" + "n".repeat(4001) + "\"}");

        assertThat(List.of(future, longName, badDate, noVersion, badDiagnosis, emptyNote,
                longNote)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(400));
        assertThat(ApiClient.object(future).getString("error")).contains("lies in the future");
        assertThat(ApiClient.object(longName).getString("error"))
                .contains("at most 200 characters", "201");
        assertThat(ApiClient.object(badDate).getString("error")).contains("1961-03-14");
        assertThat(ApiClient.object(noVersion).getString("error")).contains("version");
        assertThat(ApiClient.object(badDiagnosis).getString("error")).contains("APL", "OTHER");
        assertThat(ApiClient.object(emptyNote).getString("error")).contains("empty");
        assertThat(ApiClient.object(longNote).getString("error"))
                .contains("at most 4000 characters", "4001");
        HttpResponse<String> badVersion = owner.delete("api/patients/" + id + "?version=abc");
        assertThat(badVersion.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(badVersion).getString("error"))
                .contains("version cannot be read: 'abc'");
        JsonObject record = ApiClient.object(owner.get("api/patients/" + id));
        assertThat(record.getInt("version")).isEqualTo(version);
        assertThat(absent(record, "fullName")).isTrue();
        assertThat(record.getJsonArray("notes")).isEmpty();
    }

    @Test
    void aDiagnosisIsWithdrawnOnlyWhenAskedForInSoManyWords() throws Exception {
        ApiClient owner = user("withdrawer", "DOCTOR");
        long id = uploadOne(owner, "W1-" + run);
        String path = "api/patients/" + id + "/diagnosis";
        assertThat(owner.putJson(path, "{\"diagnosis\":\"APL\"}").statusCode()).isEqualTo(200);

        List<HttpResponse<String>> refused = new ArrayList<>();
        for (String body : List.of("{}", "{\"diagnoses\":\"AML\"}", "{\"diagnosis\":5}",
                "{\"diagnosis\":\"AML\",\"version\":\"x\"}")) {
            refused.add(owner.putJson(path, body));
        }
        String afterRefusals = text(ApiClient.object(owner.get("api/patients/" + id)),
                "confirmedDiagnosis");
        HttpResponse<String> withdrawn = owner.putJson(path, "{\"diagnosis\":null}");

        assertThat(refused).allSatisfy(a -> assertThat(a.statusCode()).as(a.body())
                .isEqualTo(400));
        assertThat(ApiClient.object(refused.get(0)).getString("error"))
                .contains("{\"diagnosis\": null} to withdraw");
        assertThat(afterRefusals).isEqualTo("APL");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(absent(ApiClient.object(withdrawn), "confirmedDiagnosis")).isTrue();
    }

    @Test
    void aSexLeftOutOrNullIsNotKnown() throws Exception {
        ApiClient owner = user("sexless", "DOCTOR");
        long id = uploadOne(owner, "S1-" + run);
        int version = ApiClient.object(owner.get("api/patients/" + id)).getInt("version");
        HttpResponse<String> male = owner.putJson("api/patients/" + id,
                demographics("Jean Martin", null, "MALE", version));
        int next = ApiClient.object(male).getInt("version");

        HttpResponse<String> cleared = owner.putJson("api/patients/" + id,
                "{\"fullName\":\"Jean Martin\",\"sex\":null,\"version\":" + next + "}");

        assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
        assertThat(text(ApiClient.object(cleared), "sex")).isEqualTo("UNKNOWN");
    }

    @Test
    void aRemovedPatientIsGoneAndItsRowsInALaterUploadAreRefused() throws Exception {
        ApiClient owner = user("remover", "DOCTOR");
        owner.upload("api/uploads", "first.xlsx", MainJobContract.smallWorkbook("R1-" + run,
                "R2-" + run));
        long id = idOf(owner, "R1-" + run);

        HttpResponse<String> removed = owner.delete("api/patients/" + id);
        HttpResponse<String> again = owner.delete("api/patients/" + id);
        HttpResponse<String> later = owner.upload("api/uploads", "later.xlsx",
                MainJobContract.smallWorkbook("R1-" + run, "R3-" + run));

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(owner.get("api/patients/" + id).statusCode()).isEqualTo(404);
        assertThat(owner.get("app/patient.xhtml?id=" + id).statusCode()).isEqualTo(404);
        assertThat(owner.get("api/patients/" + id + "/report").statusCode()).isEqualTo(404);
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(ApiClient.object(later).getJsonArray("rows").getValuesAs(JsonObject.class))
                .extracting(r -> r.getInt("rowNumber") + " "
                        + r.getString("status").replace("_WITH_WARNINGS", ""))
                .containsExactly("2 REJECTED", "3 STORED");
        assertThat(ApiClient.object(later).getJsonArray("rows").getJsonObject(0)
                .getString("message")).contains("R1-" + run, "was removed");
        assertThat(ApiClient.array(owner.get("api/patients")).getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("externalId"))
                .containsExactlyInAnyOrder("R2-" + run, "R3-" + run);
        assertThat(listed(owner, "diagnosed=false"))
                .containsExactlyInAnyOrder("R2-" + run, "R3-" + run);
    }

    @Test
    void namesComeFromTheFileOnceAndARecordedNameIsNeverOverwritten() throws Exception {
        ApiClient owner = user("names", "DOCTOR");
        List<String> headers = List.of("Patient ID", "Nom", "Sex", "Age (years)",
                "WBC (10^9/L)", "Platelets (10^9/L)", "Fibrinogen (g/L)");
        String first = "NM1-" + run;
        String second = "NM2-" + run;
        HttpResponse<String> upload = owner.upload("api/uploads", "names.xlsx", Workbooks.of(
                headers, List.of(List.of(first, "DUPONT  Marie", "F", 40, 3.2, 30, 0.8))));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        long id = idOf(owner, first);
        JsonObject record = ApiClient.object(owner.get("api/patients/" + id));
        assertThat(record.getString("fullName")).isEqualTo("DUPONT Marie");
        assertThat(owner.putJson("api/patients/" + id, demographics("DUPONT-LEROY Marie", null,
                "FEMALE", record.getInt("version"))).statusCode()).isEqualTo(200);

        HttpResponse<String> again = owner.upload("api/uploads", "names-2.xlsx", Workbooks.of(
                headers, List.of(List.of(first, "DURAND Paul", "F", 40, 3.4, 32, 0.9),
                        List.of(second, "MARTIN Luc", "M", 52, 12.0, 90, 2.9))));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        List<JsonObject> rows = ApiClient.object(again).getJsonArray("rows")
                .getValuesAs(JsonObject.class);
        assertThat(rows.get(0).toString()).contains("name in the file differs");
        assertThat(rows.get(1).toString()).doesNotContain("name in the file");
        assertThat(ApiClient.object(owner.get("api/patients/" + id)).getString("fullName"))
                .isEqualTo("DUPONT-LEROY Marie");
        assertThat(ApiClient.object(owner.get("api/patients/" + idOf(owner, second)))
                .getString("fullName")).isEqualTo("MARTIN Luc");
        assertThat(ApiClient.array(owner.get("api/patients?q=MARTIN%20L"))
                .getValuesAs(JsonObject.class)).extracting(p -> p.getString("externalId"))
                .containsExactly(second);
    }

    @Test
    void eachValueShowsAsReceivedAndAsNormalised() throws Exception {
        ApiClient owner = user("units", "DOCTOR");
        byte[] workbook = Workbooks.of(List.of("IPP", "Age", "GB", "CCMH (g/dL)",
                "Plaquettes (G/L)", "Fibrinogène (g/L)", "LDH (UI/L)"),
                List.of(Arrays.asList("U1-" + run, 52, "4500 /µL", 33.5, 41, "<0,5", 1890)));
        owner.upload("api/uploads", "units.xlsx", workbook);
        long id = idOf(owner, "U1-" + run);

        List<JsonObject> results = ApiClient.object(owner.get("api/patients/" + id))
                .getJsonArray("panels").getJsonObject(0).getJsonArray("results")
                .getValuesAs(JsonObject.class);
        HttpResponse<String> page = owner.get("app/patient.xhtml?id=" + id);

        assertThat(results).extracting(r -> r.getString("parameter") + ": "
                + text(r, "receivedValue") + " " + text(r, "receivedUnit") + " -> "
                + r.getJsonNumber("value") + " " + r.getString("unit"))
                .contains("wbc: 4500 /µL -> 4.5 10^9/L", "mchc: 33.5 g/dL -> 335.0 g/L",
                        "platelets: 41 G/L -> 41.0 10^9/L", "fibrinogen: <0,5 g/L -> 0.5 g/L",
                        "ldh: 1890 UI/L -> 1890.0 U/L");
        assertThat(results).filteredOn(r -> r.getString("parameter").equals("mchc"))
                .singleElement().satisfies(r -> assertThat(r.getString("conversion"))
                        .contains("33.5 g/dL converted to 335 g/L"));
        assertThat(page.body()).contains("As received", "4500 /µL", "&lt;0,5 g/L",
                "33.5 g/dL converted to 335 g/L");
    }

    @Test
    void aSuggestionRestingOnResultsNotMeasuredIsWithheldWhereverTheDoctorReadsIt()
            throws Exception {
        ApiClient owner = user("withheld", "DOCTOR");
        owner.upload("api/uploads", "few.xlsx", Workbooks.of(List.of("IPP", "Age", "GB",
                "Plaquettes (G/L)", "LDH (UI/L)"), List.of(Arrays.asList("W1-" + run, 61,
                        "52000 /µL", 23, 2400))));
        long id = idOf(owner, "W1-" + run);

        JsonObject line = ApiClient.array(owner.get("api/patients?q=W1-" + run))
                .getJsonObject(0);
        JsonObject prediction = ApiClient.object(owner.get("api/patients/" + id))
                .getJsonArray("panels").getJsonObject(0).getJsonObject("prediction");
        String page = owner.get("app/patient.xhtml?id=" + id).body();
        String list = owner.get("app/dashboard.xhtml").body();

        assertThat(line.getBoolean("withheld")).isTrue();
        assertThat(prediction.getBoolean("withheld")).isTrue();
        assertThat(prediction.getBoolean("confident")).isFalse();
        assertThat(page).contains("No subtype suggested", "Only 4 of the 14 values",
                "not probabilities to rely on").doesNotContain("Suggested subtype:",
                "with probability");
        assertThat(list).contains("suggestion withheld",
                "none (" + line.getString("predictedSubtype") + " withheld)");
        assertPdf(owner.getBytes("api/patients/" + id + "/report"));
    }

    @Test
    void anAdministratorAssignsAPatientToAnotherDoctor() throws Exception {
        ApiClient from = user("from", "DOCTOR");
        ApiClient to = user("to", "DOCTOR");
        ApiClient taken = user("taken", "DOCTOR");
        user("notadoctor", "AUDITOR");
        ApiClient admin = signedIn("admin", DeployedApplication.ADMIN_PASSWORD);
        long id = uploadOne(from, "S1-" + run);
        uploadOne(taken, "S1-" + run);

        List<JsonObject> found = ApiClient.array(admin.get("api/admin/patients?identifier=S1-"
                + run + "&doctor=from-" + run)).getValuesAs(JsonObject.class);
        HttpResponse<String> toAuditor = admin.putJson("api/admin/patients/" + id + "/doctor",
                "{\"doctor\":\"notadoctor-" + run + "\"}");
        HttpResponse<String> toTaken = admin.putJson("api/admin/patients/" + id + "/doctor",
                "{\"doctor\":\"taken-" + run + "\"}");
        HttpResponse<String> byDoctor = from.putJson("api/admin/patients/" + id + "/doctor",
                "{\"doctor\":\"from-" + run + "\"}");
        HttpResponse<String> assigned = admin.putJson("api/admin/patients/" + id + "/doctor",
                "{\"doctor\":\"to-" + run + "\"}");

        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.keySet()).containsExactlyInAnyOrder("patientId", "externalId",
                    "doctor", "doctorName");
            assertThat(a.getString("doctor")).isEqualTo("from-" + run);
            assertThat(a.getJsonNumber("patientId").longValue()).isEqualTo(id);
        });
        assertThat(ApiClient.array(admin.get("api/admin/patients?identifier=S1-" + run)))
                .hasSize(2);
        assertThat(toAuditor.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(toAuditor).getString("error")).contains("enabled doctor");
        assertThat(toTaken.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(toTaken).getString("error"))
                .contains("already has a patient with the identifier S1-" + run);
        assertThat(byDoctor.statusCode()).isEqualTo(403);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(ApiClient.object(assigned).getString("doctor")).isEqualTo("to-" + run);

        assertThat(to.get("api/patients/" + id).statusCode()).isEqualTo(200);
        assertThat(ApiClient.array(to.get("api/patients"))).hasSize(1);
        assertThat(to.putJson("api/patients/" + id + "/diagnosis", "{\"diagnosis\":\"AML\"}")
                .statusCode()).isEqualTo(200);
        assertThat(listed(to, "diagnosed=true")).containsExactly("S1-" + run);
        assertThat(listed(from, "diagnosed=true")).isEmpty();
        assertThat(from.get("api/patients/" + id).statusCode()).isEqualTo(404);
        assertThat(from.get("app/patient.xhtml?id=" + id).statusCode()).isEqualTo(404);
        assertThat(ApiClient.array(from.get("api/patients")).getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("externalId")).containsExactly("other-S1-" + run);
        assertThat(admin.get("app/admin/assignments.xhtml").body())
                .contains("Patient assignments", "Hospital identifier");
        assertThat(from.get("app/admin/assignments.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void everyChangeIsInTheAuditTrailWithWhoAndTheValuesBeforeAndAfter() throws Exception {
        ApiClient owner = user("trail", "DOCTOR");
        ApiClient other = user("trailother", "DOCTOR");
        long id = uploadOne(owner, "T1-" + run);
        int version = ApiClient.object(owner.get("api/patients/" + id)).getInt("version");
        assumeTrue(auditTrail(id) != null, "the deployment's database can be read by the test");

        owner.putJson("api/patients/" + id, demographics("Ann Lee", "1980-02-29", "MALE",
                version));
        owner.putJson("api/patients/" + id + "/diagnosis", "{\"diagnosis\":\"AML\"}");
        owner.postJson("api/patients/" + id + "/notes", "{\"body\":\"bone marrow done\"}");
        other.putJson("api/patients/" + id + "/diagnosis", "{\"diagnosis\":\"ALL\"}");
        owner.getBytes("api/patients/" + id + "/report");
        owner.delete("api/patients/" + id);

        String who = "trail-" + run;
        assertThat(auditTrail(id)).filteredOn(e -> !e.startsWith(who + " VIEW")).satisfiesExactly(
                e -> assertThat(e).isEqualTo(who + " CHANGE {\"before\":{\"fullName\":null,"
                        + "\"birthDate\":null,\"sex\":\"FEMALE\"},\"after\":{\"fullName\":"
                        + "\"Ann Lee\",\"birthDate\":\"1980-02-29\",\"sex\":\"MALE\"}}"),
                e -> assertThat(e).isEqualTo(who + " CHANGE {\"before\":{\"confirmedDiagnosis\":"
                        + "null},\"after\":{\"confirmedDiagnosis\":\"AML\"}}"),
                e -> assertThat(e).startsWith(who + " CREATE {\"note\":")
                        .endsWith(",\"body\":\"bone marrow done\"}"),
                e -> assertThat(e).isEqualTo("trailother-" + run + " REFUSED {\"asked\":"
                        + "\"record the diagnosis\",\"reason\":\"the patient is another"
                        + " doctor's\"}"),
                e -> assertThat(e).startsWith(who + " EXPORT {\"format\":\"pdf\""),
                e -> assertThat(e).startsWith(who + " REMOVE {\"externalId\":\"T1-" + run
                        + "\",\"removedAt\":"));
    }

    /**
     * The audit trail of a patient, oldest first, one line per entry: the actor, the action
     * and the details as stored; null when the deployment's database cannot be read from the
     * test.
     */
    protected List<String> auditTrail(long patientId) throws Exception {
        return null;
    }

    /** Registers an account with one role as the administrator, and signs in with it. */
    private ApiClient user(String name, String role) throws Exception {
        return ApiClient.newUser(applicationUrl(), name + "-" + run, PASSWORD, role);
    }

    private ApiClient signedIn(String username, String password) throws Exception {
        ApiClient client = new ApiClient(applicationUrl());
        client.signIn(username, password);
        return client;
    }

    /** Uploads one patient and returns its id. */
    private static long uploadOne(ApiClient doctor, String externalId) throws Exception {
        HttpResponse<String> answer = doctor.upload("api/uploads", externalId + ".xlsx",
                MainJobContract.smallWorkbook(externalId, "other-" + externalId));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return idOf(doctor, externalId);
    }

    private static long idOf(ApiClient doctor, String externalId) throws Exception {
        return ApiClient.array(doctor.get("api/patients?max=500")).getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("externalId").equals(externalId))
                .findFirst().orElseThrow().getJsonNumber("patientId").longValue();
    }

    private static String demographics(String name, String birthDate, String sex,
            int version) {
        var json = Json.createObjectBuilder().add("fullName", name).add("sex", sex)
                .add("version", version);
        if (birthDate != null) {
            json.add("birthDate", birthDate);
        }
        return json.build().toString();
    }

    private static String text(JsonObject object, String field) {
        return absent(object, field) ? "-" : object.getString(field);
    }

    /** Whether a field is null; the API leaves null fields out. */
    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    /** The owner reads the record exactly as before: same version, nothing added. */
    /** The hospital identifiers of the doctor's list under the filter {@code query}. */
    private static List<String> listed(ApiClient doctor, String query) throws Exception {
        return ApiClient.array(doctor.get("api/patients?" + query)).getValuesAs(JsonObject.class)
                .stream().map(p -> p.getString("externalId")).toList();
    }

    private static void assertUnchanged(ApiClient owner, long id, JsonObject before)
            throws Exception {
        JsonObject after = ApiClient.object(owner.get("api/patients/" + id));
        assertThat(after.getInt("version")).isEqualTo(before.getInt("version"));
        assertThat(absent(after, "fullName")).isTrue();
        assertThat(absent(after, "confirmedDiagnosis")).isTrue();
        assertThat(after.getJsonArray("notes")).isEmpty();
        assertThat(after.getJsonArray("panels")).isEqualTo(before.getJsonArray("panels"));
    }

    private static void assertPdf(HttpResponse<byte[]> report) {
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(report.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;").contains(".pdf"));
        assertThat(new String(report.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
