package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A doctor's first visit in a real browser: headless Chromium signs in with the login form,
 * uploads a workbook through the PrimeFaces file upload, reads the report, finds it again after
 * leaving the upload page, then reads the dashboard and one patient's page; a longer import
 * shows its progress. Runs on the quick start (the WAR on Payara Micro).
 */
class BrowserJourneyIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PASSWORD = "doctor-password-42";
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final Duration UPLOAD = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private String applicationUrl;
    private String run;
    private Path screenshots;
    private WebDriver browser;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws Exception {
        assertInstalled(CHROMIUM, "chromium");
        assertInstalled(CHROMEDRIVER, "chromium-driver");
        applicationUrl = PayaraMicroServer.get().applicationUrl();
        run = UUID.randomUUID().toString().substring(0, 8);
        screenshots = Path.of(System.getProperty("it.work", "target/it"))
                .resolveSibling("screenshots");
        Files.createDirectories(screenshots);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectory(temp.resolve("profile")));
        downloads = Files.createDirectory(temp.resolve("downloads"));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewDoctorSignsInUploadsAWorkbookAndReadsThePredictions() throws Exception {
        String username = "browser-" + run;
        ApiClient admin = new ApiClient(applicationUrl);
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        admin.registerUser(username, PASSWORD, "DOCTOR");
        List<String> patients = List.of("WEB1-" + run, "WEB2-" + run, "WEB3-" + run);
        Path workbook = temp.resolve("journey-" + run + ".xlsx");
        Files.write(workbook, workbook(patients));

        // An anonymous visit ends on the login page.
        browser.get(applicationUrl);
        WebElement usernameField = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot("login");

        assertThat(browser.getCurrentUrl()).contains("login.xhtml");
        assertThat(text(By.tagName("body"))).contains("never replaces");

        // Signing in lands on an empty dashboard.
        usernameField.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("signin")).click();
        WebElement emptyDashboard = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(byId("dashboard:predictions")));

        assertThat(browser.getCurrentUrl()).contains("app/dashboard.xhtml");
        assertThat(emptyDashboard.getText()).contains("No patients yet");
        assertThat(browser.findElements(By.className("patient-link"))).isEmpty();

        // Uploading the workbook shows how its columns are read, then, once imported, one
        // stored, predicted row per patient.
        browser.findElement(By.linkText("Upload")).click();
        WebElement fileInput = waitFor(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='upload:file'] input[type='file']")));
        fileInput.sendKeys(workbook.toAbsolutePath().toString());
        WebElement mapping = waitFor(UPLOAD).until(
                ExpectedConditions.visibilityOfElementLocated(byId("upload:columns")));
        screenshot("upload-mapping");

        assertThat(mapping.getText()).contains("Patient identifier", "White blood cells");
        WebElement importButton = browser.findElement(byId("upload:import"));
        // below a long table the button sits under the fixed disclaimer footer: scroll to it
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", importButton);
        importButton.click();
        waitFor(UPLOAD).until(ExpectedConditions.visibilityOfElementLocated(byId("upload:rows")));
        Map<String, List<String>> report = rowsByCell("upload:rows", 1);
        screenshot("upload-report");

        assertThat(report).containsOnlyKeys(patients);
        assertThat(report.values()).allSatisfy(cells -> {
            assertThat(cells.get(2)).as("outcome").isEqualTo("stored");
            assertThat(cells.get(3)).as("subtype").isIn("ALL", "AML", "APL");
            assertThat(cells.get(4)).as("confidence").matches("\\d{1,3}([.,]\\d)?\\s?%");
        });

        // The import ran in the background: the upload page lists it, and after leaving the
        // page and coming back, the doctor finds its report again.
        browser.findElement(By.linkText("Upload")).click();
        WebElement listed = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(byId("upload:job-list")));

        assertThat(listed.getText()).contains(workbook.getFileName().toString(),
                "done: 3 of 3 rows stored");
        browser.findElement(byId("upload:job-list:0:show")).click();
        waitFor(UPLOAD).until(ExpectedConditions.visibilityOfElementLocated(byId("upload:rows")));
        assertThat(rowsByCell("upload:rows", 1)).isEqualTo(report);

        // The dashboard lists the patients with subtype and confidence.
        browser.findElement(By.linkText("Patients")).click();
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), patients.size()));
        Map<String, List<String>> dashboard = rowsByCell("dashboard:predictions", 0);
        screenshot("dashboard");

        assertThat(dashboard).containsOnlyKeys(patients);
        dashboard.forEach((patient, cells) -> {
            assertThat(cells.get(1)).as("subtype of " + patient)
                    .isEqualTo(report.get(patient).get(3));
            assertThat(cells.get(2)).as("confidence of " + patient)
                    .isEqualTo(report.get(patient).get(4));
        });
        assertThat(text(By.tagName("body"))).contains("never replaces");

        // One patient's page shows the identifier and the three probabilities.
        String chosen = patients.get(1);
        browser.findElement(By.linkText(chosen)).click();
        WebElement patientId = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("patient-id")));
        List<String> headers = texts(By.cssSelector("table.probabilities th"));
        List<Double> probabilities = texts(By.cssSelector("table.probabilities td")).stream()
                .map(BrowserJourneyIT::number).toList();

        assertThat(patientId.getText()).isEqualTo(chosen);
        assertThat(headers).containsExactly("ALL", "AML", "APL");
        assertThat(probabilities).hasSize(3)
                .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
        assertThat(probabilities.stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, Offset.offset(0.01));
        assertThat(text(By.cssSelector(".prediction strong.subtype")))
                .isEqualTo(dashboard.get(chosen).get(1));
    }

    @Test
    void aLongImportShowsItsProgressUntilItsReportReplacesIt() throws Exception {
        signInAsNewDoctor("progress-" + run);
        Path workbook = temp.resolve("long-" + run + ".xlsx");
        Files.write(workbook, Workbooks.manyPatients("LONG-" + run, 3000));

        browser.findElement(By.linkText("Upload")).click();
        waitFor(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id='upload:file'] input[type='file']")))
                .sendKeys(workbook.toAbsolutePath().toString());
        WebElement importButton = waitFor(UPLOAD).until(
                ExpectedConditions.visibilityOfElementLocated(byId("upload:import")));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", importButton);
        importButton.click();
        WebElement progress = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(byId("upload:rows-done")));
        String counted = progress.getText();
        screenshot("upload-progress");

        assertThat(counted).matches("reading the file|[\\d,]+ of 3,000 rows(, saving)?");
        assertThat(browser.findElements(byId("upload:bar"))).hasSize(1);
        waitFor(UPLOAD).until(ExpectedConditions.visibilityOfElementLocated(byId("upload:rows")));
        assertThat(text(byId("upload:messages"))).contains("2970 of 3000 rows stored",
                "30 rejected");
        assertThat(browser.findElements(byId("upload:bar"))).isEmpty();
    }

    @Test
    void aDoctorManagesAPatientsRecordOnItsPage() throws Exception {
        String username = "record-" + run;
        ApiClient api = signInAsNew(username, "DOCTOR");
        api.upload("api/uploads", "record.xlsx", workbook(List.of("REC-" + run,
                "REC2-" + run, "REC3-" + run)));
        long id = ApiClient.array(api.get("api/patients")).getValuesAs(
                jakarta.json.JsonObject.class).stream()
                .filter(p -> p.getString("externalId").equals("REC-" + run)).findFirst()
                .orElseThrow().getJsonNumber("patientId").longValue();
        browser.get(applicationUrl + "app/patient.xhtml?id=" + id);
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("demographics:fullName")));

        // Each form answers with a message and shows the change without reloading the page.
        browser.findElement(byId("demographics:fullName")).sendKeys("Jeanne Martin");
        browser.findElement(byId("demographics:save")).click();
        waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                byId("messages"), "Demographics saved."));
        waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                byId("summary"), "Jeanne Martin"));

        choose("diagnosis:confirmed", "APL");
        browser.findElement(byId("diagnosis:record")).click();
        awaitText("confirmed-diagnosis", "APL (recorded by " + username + ")");

        browser.findElement(byId("note:body")).sendKeys("Bone marrow aspirate sent");
        browser.findElement(byId("note:addNote")).click();
        waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                byId("notes"), "Bone marrow aspirate sent"));
        screenshot("patient-record");
        assertThat(text(byId("messages"))).contains("Note added.");

        // A note written without a space wraps inside the page instead of widening it.
        long overflowBefore = horizontalOverflow();
        assertThat(api.postJson("api/patients/" + id + "/notes",
                "{\"body\":\"" + "x".repeat(4000) + "\"}").statusCode()).isEqualTo(201);
        browser.navigate().refresh();
        waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(byId("notes"),
                "xxxxxxxxxx"));
        assertThat(horizontalOverflow()).isLessThanOrEqualTo(overflowBefore);

        // Removal asks first, then the page says it is done.
        browser.findElement(byId("remove:removePatient")).click();
        waitFor(PAGE).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))).click();
        waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(
                byId("messages"), "Patient REC-" + run + " removed."));

        assertThat(api.get("api/patients/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theAnalyticsChartsAreDrawnWithTheDoctorsFigures() throws Exception {
        ApiClient doctor = signInAsNew("charts-" + run, "DOCTOR");
        doctor.upload("api/uploads", "charts.xlsx", workbook(List.of("CH1-" + run,
                "CH2-" + run, "CH3-" + run)));

        browser.findElement(By.linkText("Analytics")).click();
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("analytics:distribution_canvas")));
        Object drawn = waitFor(PAGE).until(driver -> ((JavascriptExecutor) driver).executeScript(
                "var chart = Chart.getChart(document.getElementById(arguments[0]));"
                        + " return chart ? chart.data.datasets[0].data : null;",
                "analytics:distribution_canvas"));
        screenshot("analytics");

        assertThat(((List<?>) drawn).stream().mapToLong(n -> ((Number) n).longValue()).sum())
                .isEqualTo(3);
        for (String chart : List.of("monthly", "confidence")) {
            assertThat(((JavascriptExecutor) browser).executeScript("return Chart.getChart("
                    + "document.getElementById(arguments[0])) != null;",
                    "analytics:" + chart + "_canvas")).as(chart).isEqualTo(true);
        }
        assertThat(text(byId("analytics:matrix"))).contains("OTHER");
    }

    @Test
    void theListExportsWhatItShowsAndAFilterThatCannotBeReadSaysWhy() throws Exception {
        ApiClient doctor = signInAsNew("filters-" + run, "DOCTOR");
        doctor.upload("api/uploads", "filters.xlsx", workbook(List.of("FI1-" + run,
                "FI2-" + run, "FI3-" + run)));
        browser.findElement(By.linkText("Patients")).click();
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), 3));

        // The export holds the lines the filter leaves, and says which filter it was.
        WebElement patientFilter = browser.findElement(By.cssSelector(
                "[id='dashboard:predictions'] input[placeholder^='identifier']"));
        patientFilter.sendKeys("FI2");
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), 1));
        browser.findElement(byId("dashboard:exportXlsx")).click();
        Path exported = waitFor(UPLOAD).until(driver -> finishedDownload("patients-", ".xlsx"));
        try (Workbook workbook = WorkbookFactory.create(exported.toFile())) {
            List<String> cells = new ArrayList<>();
            workbook.getSheet("Patients").forEach(row -> row.forEach(cell -> {
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                cells.add(cell.toString());
            }));
            assertThat(cells).contains("FI2-" + run, "identifier or name begins with 'FI2'",
                    "1 line").doesNotContain("FI1-" + run, "FI3-" + run);
        }
        patientFilter.clear();
        patientFilter.sendKeys(Keys.BACK_SPACE);
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), 3));

        browser.findElement(By.cssSelector("[id='dashboard:predictions'] input"
                + "[placeholder='80-95']")).sendKeys("abc");
        By emptyTable = By.cssSelector("[id='dashboard:predictions'] .ui-datatable-empty-message");
        WebElement refusal = waitFor(PAGE).until(
                ExpectedConditions.visibilityOfElementLocated(emptyTable));
        screenshot("dashboard-refused-filter");

        assertThat(refusal.getText())
                .startsWith("The list cannot be shown. The probability filter 'abc'")
                .contains("80-95");
        assertThat(browser.findElements(By.className("patient-link"))).isEmpty();
        browser.findElement(byId("dashboard:exportPdf")).click();
        assertThat(waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.className("ui-messages-error"))).getText())
                .contains("Nothing exported. The probability filter 'abc'");
        assertThat(finishedDownload("patients-", ".pdf")).isNull();

        // The table keeps its filters when the page is opened again, and says why again.
        browser.get(applicationUrl + "app/dashboard.xhtml");
        assertThat(waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                emptyTable)).getText())
                .startsWith("The list cannot be shown. The probability filter 'abc'");
    }

    @Test
    void aDoctorChangesTheirPasswordOnThePageAndStaysSignedInThere() throws Exception {
        String username = "newpass-" + run;
        ApiClient otherSession = signInAsNew(username, "DOCTOR");
        assertThat(otherSession.get("api/patients").statusCode()).isEqualTo(200);
        String newPassword = "lantern-orchid-basalt-19";

        browser.findElement(By.id("change-password")).click();
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("password:current"))).sendKeys(PASSWORD);
        browser.findElement(byId("password:new")).sendKeys(newPassword);
        browser.findElement(byId("password:confirmation")).sendKeys(newPassword);
        browser.findElement(byId("password:change")).click();
        waitFor(PAGE).until(ExpectedConditions.urlContains("app/dashboard.xhtml"));

        assertThat(waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.className("ui-messages-info"))).getText())
                .contains("Your password is changed.");
        browser.findElement(By.linkText("Analytics")).click();
        waitFor(PAGE).until(ExpectedConditions.urlContains("app/analytics.xhtml"));
        assertThat(otherSession.get("api/patients").statusCode())
                .as("the session opened before the change ended").isEqualTo(401);
        ApiClient again = new ApiClient(applicationUrl);
        again.signIn(username, newPassword);
        assertThat(again.get("api/patients").statusCode()).isEqualTo(200);
    }

    @Test
    void anAuditorVerifiesTheChainOnTheAuditPage() throws Exception {
        signInAsNew("chain-" + run, "AUDITOR");

        browser.findElement(By.linkText("Audit trail")).click();
        waitFor(PAGE).until(ExpectedConditions.elementToBeClickable(byId("audit:verify")))
                .click();
        WebElement answer = waitFor(UPLOAD).until(ExpectedConditions.visibilityOfElementLocated(
                byId("audit:verificationText")));
        screenshot("audit");

        assertThat(answer.getText()).startsWith("The chain is intact:").contains("entries");
        assertThat(texts(By.cssSelector("[id='audit:entries_data'] td"))).isNotEmpty();
    }

    @Test
    void aDoctorFindsAPatientConfirmsTheDiagnosisSeesTheAgreementAndExportsIt()
            throws Exception {
        String doctorA = "journey-" + run;
        ApiClient api = signInAsNew(doctorA, "DOCTOR");
        List<String> patients = List.of("JRN" + run + "-1", "JRN" + run + "-2",
                "JRN" + run + "-3");
        api.upload("api/uploads", "journey.xlsx", workbook(patients));
        String chosen = patients.get(1);

        // Before any diagnosis is recorded, the agreement has no confirmed case.
        browser.findElement(By.linkText("Analytics")).click();
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("analytics:matrix")));

        assertThat(browser.findElements(byId("analytics:accuracy"))).isEmpty();

        // Typing the beginning of an identifier narrows the list to that patient.
        browser.findElement(By.linkText("Patients")).click();
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), patients.size()));
        browser.findElement(By.cssSelector("[id='dashboard:predictions'] input.ui-column-filter"))
                .sendKeys(chosen);
        waitFor(PAGE).until(ExpectedConditions.numberOfElementsToBe(
                By.className("patient-link"), 1));
        screenshot("dashboard-filtered");

        assertThat(text(By.className("patient-link"))).isEqualTo(chosen);

        // The patient's page takes the confirmed diagnosis.
        browser.findElement(By.linkText(chosen)).click();
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("diagnosis:confirmed")));
        choose("diagnosis:confirmed", "ALL");
        browser.findElement(byId("diagnosis:record")).click();
        awaitText("confirmed-diagnosis", "ALL (recorded by " + doctorA + ")");
        String patientUrl = browser.getCurrentUrl();

        // The agreement now counts that one confirmed case, in its ALL row.
        browser.findElement(By.linkText("Analytics")).click();
        WebElement accuracy = waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                byId("analytics:accuracy")));
        screenshot("analytics-agreement");

        assertThat(accuracy.getText()).contains("n = 1 confirmed cases");
        Map<String, List<String>> matrix = rowsByCell("analytics:matrix", 0);
        assertThat(matrix.get("ALL").get(4)).as("ALL row total").isEqualTo("1");
        assertThat(matrix.get("AML").get(4)).as("AML row total").isEqualTo("0");

        // The export downloads as a workbook holding the same figures, and no formula.
        browser.findElement(byId("analytics:exportXlsx")).click();
        Path exported = waitFor(UPLOAD).until(driver -> finishedDownload("analytics-", ".xlsx"));
        try (Workbook workbook = WorkbookFactory.create(exported.toFile())) {
            List<String> cells = new ArrayList<>();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
                assertThat(cell.getCellType()).as("cell " + cell.getAddress())
                        .isNotEqualTo(CellType.FORMULA);
                cells.add(cell.toString());
            })));
            assertThat(String.join(" ", cells)).contains("never replaces");
        }

        // Another doctor who types the address of that patient's page finds nothing there.
        signOut();
        signInAsNew("other-" + run, "DOCTOR");
        browser.get(patientUrl);
        WebElement refused = waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("not-found")));
        screenshot("other-doctor-refused");

        assertThat(refused.getText()).contains("nothing here that you may see");
        assertThat(text(By.tagName("body"))).doesNotContain(chosen);

        // An auditor reads the same page, with no form to change anything.
        signOut();
        signInAsNew("reader-" + run, "AUDITOR");
        browser.get(patientUrl);
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-id")));
        screenshot("auditor-read-only");

        assertThat(text(By.id("patient-id"))).isEqualTo(chosen);
        assertThat(text(By.id("confirmed-diagnosis"))).startsWith("ALL");
        for (String form : List.of("demographics:fullName", "diagnosis:record", "note:body",
                "remove:removePatient")) {
            assertThat(browser.findElements(byId(form))).as(form).isEmpty();
        }
    }

    /**
     * Chooses an item of a PrimeFaces select menu as a user does, and waits until the menu
     * shows it. On a busy machine the menu's panel may still be opening when the item is
     * clicked (the click then fails or is lost), or a click on the menu may not open it: the
     * item is clicked again while its panel is shown, and the menu is opened again if not.
     */
    private void choose(String menuId, String label) {
        By panel = byId(menuId + "_panel");
        By item = By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']");
        for (int attempt = 1; ; attempt++) {
            if (!isShown(panel)) {
                browser.findElement(byId(menuId)).click();
            }
            try {
                waitFor(Duration.ofSeconds(5))
                        .ignoring(ElementNotInteractableException.class)
                        .ignoring(ElementClickInterceptedException.class)
                        .until(driver -> {
                            driver.findElement(item).click();
                            return true;
                        });
                waitFor(Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(
                        byId(menuId + "_label"), label));
                return;
            } catch (TimeoutException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
    }

    /** How many pixels the page is wider than the window: 0 when it needs no scrolling. */
    private long horizontalOverflow() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return"
                + " document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .longValue();
    }

    private boolean isShown(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** Waits for an element's text, failing with the page's messages when it never comes. */
    private void awaitText(String id, String expected) {
        try {
            waitFor(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(byId(id),
                    expected));
        } catch (TimeoutException e) {
            throw new AssertionError("'" + id + "' never showed '" + expected + "'; messages: "
                    + texts(byId("messages")), e);
        }
    }

    /** The file downloaded with this name's beginning and end, once written to the end. */
    private Path finishedDownload(String prefix, String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs out with the header's button, from the home page (an error page has none). */
    private void signOut() {
        browser.get(applicationUrl);
        waitFor(PAGE).until(ExpectedConditions.elementToBeClickable(By.id("signout"))).click();
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** Registers a doctor through the API and signs in as them with the login form. */
    private void signInAsNewDoctor(String username) throws Exception {
        signInAsNew(username, "DOCTOR");
    }

    /**
     * Registers a user with one role through the API, signs in as them with the login form,
     * and returns an API client signed in as the same user.
     */
    private ApiClient signInAsNew(String username, String role) throws Exception {
        ApiClient admin = new ApiClient(applicationUrl);
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        admin.registerUser(username, PASSWORD, role);
        ApiClient api = new ApiClient(applicationUrl);
        api.signIn(username, PASSWORD);
        browser.get(applicationUrl);
        waitFor(PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("signin")).click();
        waitFor(PAGE).until(ExpectedConditions.urlContains("app/dashboard.xhtml"));
        return api;
    }

    /**
     * Three plausible patients, with the template's column names and units: an APL, a child's
     * ALL and an AML profile, each with its differential count (whose percentages the upload
     * derives from the counts and the WBC).
     */
    private static byte[] workbook(List<String> ids) throws Exception {
        return Workbooks.of(Workbooks.PANEL,
                List.of(List.of(ids.get(0), "F", 34, 2.1, 92.0, 335, 31, 58, 0.9, 410, 0.3, 1.5,
                                0.05),
                        List.of(ids.get(1), "M", 7, 48.0, 84.0, 340, 40, 85, 3.1, 1890, 1.0, 20.0,
                                0.5),
                        List.of(ids.get(2), "F", 66, 23.5, 97.0, 330, 62, 78, 3.6, 760, 2.0, 4.0,
                                6.5)));
    }

    /** The cell texts of a PrimeFaces data table's rows, by the text of one cell. */
    private Map<String, List<String>> rowsByCell(String tableId, int keyColumn) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(byId(tableId + "_data"))) {
            for (WebElement tr : row.findElements(By.xpath("./tr"))) {
                List<String> cells = tr.findElements(By.xpath("./td")).stream()
                        .map(td -> td.getText().strip()).toList();
                rows.put(cells.get(keyColumn), cells);
            }
        }
        return rows;
    }

    private WebDriverWait waitFor(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private String text(By locator) {
        return browser.findElement(locator).getText().strip();
    }

    private List<String> texts(By locator) {
        return browser.findElements(locator).stream().map(e -> e.getText().strip()).toList();
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    /** JSF ids hold ':', which a CSS id selector would need escaped. */
    private static By byId(String id) {
        return By.cssSelector("[id='" + id + "']");
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    private static void assertInstalled(Path executable, String debianPackage) {
        if (!Files.isExecutable(executable)) {
            fail(executable + " is missing: the browser test needs Debian's Chromium and its"
                    + " driver; install them with 'apt-get install -y chromium chromium-driver'"
                    + " (missing package: " + debianPackage + ")");
        }
    }
}
