package org.leukemia.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Users and access on a real deployment: disabled accounts, password resets and changes, the
 * lock after failed sign-ins, the password policy, sessions that end, and the administrator's
 * calls refused to everyone else. Subclasses name the deployment (Payara Micro with the WAR,
 * Payara Server with the EAR); both are given the settings below.
 */
public abstract class AccountSecurityContract {

    /** Failed sign-ins in a row that lock an account on the test servers. */
    public static final int MAX_FAILURES = 3;
    /** Minutes a locked account stays locked on the test servers. */
    public static final int LOCK_MINUTES = 1;
    /** Minutes a session lasts without a request on the test servers (not the default). */
    public static final int SESSION_MINUTES = 20;

    private static final String PASSWORD = "quiet-heron-marrow-57";
    private static final String NEW_PASSWORD = "velvet-anchor-dusk-83";

    private String run;
    private ApiClient admin;

    /** The settings above, as the test servers are given them. */
    public static Map<String, String> settings() {
        return Map.of(
                "leukemia.signin.max-failures", Integer.toString(MAX_FAILURES),
                "leukemia.signin.lock-minutes", Integer.toString(LOCK_MINUTES),
                "leukemia.session.timeout-minutes", Integer.toString(SESSION_MINUTES));
    }

    /** @return the application's URL, ending in "/" */
    protected abstract String applicationUrl() throws Exception;

    @BeforeEach
    void signInTheAdministrator() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = new ApiClient(applicationUrl());
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
    }

    @Test
    void aDisabledUserCannotSignInAndTheirOpenSessionsEnd() throws Exception {
        String name = user("disabled", "DOCTOR");
        ApiClient api = signedIn(name, PASSWORD);
        ApiClient pages = signedIn(name, PASSWORD);
        ApiClient idle = signedIn(name, PASSWORD);
        assertThat(api.get("api/patients").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = admin.postJson("api/admin/users/" + name + "/disable",
                "");

        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(ApiClient.object(disabled).getBoolean("enabled")).isFalse();
        HttpResponse<String> call = api.get("api/patients");
        assertThat(call.statusCode()).isEqualTo(401);
        assertThat(ApiClient.object(call).getString("error")).contains("session ended");
        HttpResponse<String> page = pages.get("app/dashboard.xhtml");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("login.xhtml?ended=true"));
        assertThat(pages.get("app/dashboard.xhtml").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("login.xhtml"));
        assertThat(signInLocation(name, PASSWORD)).contains("failed=true");

        assertThat(admin.postJson("api/admin/users/" + name + "/enable", "").statusCode())
                .isEqualTo(200);
        assertThat(signedIn(name, PASSWORD).get("api/patients").statusCode()).isEqualTo(200);
        assertThat(idle.get("api/patients").statusCode())
                .as("a session idle while the account was disabled stays ended").isEqualTo(401);
    }

    @Test
    void patientDataIsNeverStoredByTheBrowserAndPagesCannotBeFramed() throws Exception {
        String name = user("headers", "DOCTOR");
        ApiClient doctor = signedIn(name, PASSWORD);
        assertThat(new ApiClient(applicationUrl()).submitSignIn(name, PASSWORD).headers()
                .allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie.toLowerCase(Locale.ROOT))
                        .contains("httponly"));

        for (String path : List.of("api/patients", "app/dashboard.xhtml",
                "api/patients/export?format=pdf", "api/account")) {
            HttpResponse<String> answer = doctor.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("no-store");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains(
                            "frame-ancestors 'none'", "form-action 'self'"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path)
                    .hasValue("DENY");
        }
        for (HttpResponse<String> answer : List.of(
                new ApiClient(applicationUrl()).get("api/patients"),
                doctor.get("app/audit.xhtml"),
                new ApiClient(applicationUrl()).submitSignIn(name, "wrong-" + PASSWORD))) {
            String what = answer.uri() + " " + answer.statusCode();
            assertThat(answer.statusCode()).as(what).isIn(401, 403, 302);
            assertThat(answer.headers().firstValue("Cache-Control")).as(what)
                    .hasValue("no-store");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(what)
                    .hasValue("DENY");
        }
        String page = doctor.get("app/dashboard.xhtml").body();
        Matcher stylesheet = Pattern.compile(
                "href=\"[^\"]*(/jakarta\\.faces\\.resource/[^\"]+\\.css[^\"]*)\"").matcher(page);
        assertThat(stylesheet.find()).as("the page links a style sheet").isTrue();
        HttpResponse<String> css = doctor.get(stylesheet.group(1).substring(
                stylesheet.group(1).indexOf("jakarta.faces.resource")).replace("&amp;", "&"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control"))
                .as("a style sheet holds no patient data and may be cached")
                .isNotEqualTo(Optional.of("no-store"));
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatMadeIt() throws Exception {
        String name = user("changer", "DOCTOR");
        ApiClient changing = signedIn(name, PASSWORD);
        ApiClient other = signedIn(name, PASSWORD);
        assertThat(other.get("api/patients").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = changing.postJson("api/account/password",
                passwordChange(PASSWORD, NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(changing.get("api/patients").statusCode()).isEqualTo(200);
        HttpResponse<String> ended = other.get("api/patients");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ApiClient.object(ended).getString("error")).contains("session ended");
        assertThat(other.get("app/dashboard.xhtml").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("login.xhtml"));
    }

    @Test
    void aPasswordResetEndsTheUsersOpenSessions() throws Exception {
        String name = user("resetopen", "AUDITOR");
        ApiClient open = signedIn(name, PASSWORD);
        assertThat(open.get("api/models").statusCode()).isEqualTo(200);

        assertThat(admin.postJson("api/admin/users/" + name + "/password-reset",
                "{\"temporaryPassword\":\"" + NEW_PASSWORD + "\"}").statusCode())
                .isEqualTo(200);

        assertThat(open.get("api/models").statusCode()).isEqualTo(401);
        assertThat(open.get("api/account").statusCode())
                .as("not even the password page is left to the old session").isEqualTo(401);
    }

    @Test
    void anAdministratorCannotDisableThemselvesNorTakeTheLastAdministratorRole()
            throws Exception {
        HttpResponse<String> self = admin.postJson("api/admin/users/admin/disable", "");

        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(self).getString("error")).contains("your own account");

        long enabledAdmins = ApiClient.array(admin.get("api/admin/users"))
                .getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getBoolean("enabled")
                        && u.getJsonArray("roles").toString().contains("ADMIN"))
                .count();
        assumeTrue(enabledAdmins == 1, "the built-in administrator is the only one");
        HttpResponse<String> demoted = admin.putJson("api/admin/users/admin",
                change("Administrator", "DOCTOR"));
        assertThat(demoted.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(demoted).getString("error"))
                .contains("last enabled administrator");
        assertThat(admin.get("api/admin/users").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElseAndThenTheNewOneWorks() throws Exception {
        String name = user("reset", "DOCTOR");

        HttpResponse<String> reset = admin.postJson("api/admin/users/" + name
                + "/password-reset", "{}");

        assertThat(reset.statusCode()).isEqualTo(200);
        String temporary = ApiClient.object(reset).getString("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(20);
        assertThat(signInLocation(name, PASSWORD)).contains("failed=true");
        ApiClient user = signedIn(name, temporary);
        HttpResponse<String> refused = user.get("api/patients");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(refused).getString("error"))
                .contains("password is a temporary one", "choose a new one",
                        "POST /leukemia/api/account/password");
        assertThat(user.get("app/dashboard.xhtml").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("app/password.xhtml"));
        assertThat(user.get("app/password.xhtml").body())
                .contains("Your password is a temporary one");
        assertThat(ApiClient.object(user.get("api/account")).getJsonObject("account")
                .getBoolean("passwordChangeRequired")).isTrue();

        HttpResponse<String> weak = user.postJson("api/account/password",
                passwordChange(temporary, "password1234"));
        HttpResponse<String> wrong = user.postJson("api/account/password",
                passwordChange("not-" + temporary, NEW_PASSWORD));
        HttpResponse<String> changed = user.postJson("api/account/password",
                passwordChange(temporary, NEW_PASSWORD));

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(weak).getString("error")).contains("too easy to guess");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(wrong).getString("error"))
                .contains("current password is wrong");
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(user.get("api/patients").statusCode()).isEqualTo(200);
        assertThat(signInLocation(name, temporary)).contains("failed=true");
        assertThat(signedIn(name, NEW_PASSWORD).get("api/patients").statusCode())
                .isEqualTo(200);
    }

    @Test
    void anAuditorCannotAlsoBeADoctorOrAnAdministrator() throws Exception {
        HttpResponse<String> mixed = admin.postJson("api/admin/users",
                Json.createObjectBuilder().add("username", "mixed-" + run)
                        .add("password", PASSWORD).add("roles", Json.createArrayBuilder()
                                .add("DOCTOR").add("AUDITOR")).build().toString());
        String doctor = user("single", "DOCTOR");
        HttpResponse<String> widened = admin.putJson("api/admin/users/" + doctor,
                Json.createObjectBuilder().add("displayName", doctor).add("roles",
                        Json.createArrayBuilder().add("ADMIN").add("AUDITOR")).build()
                        .toString());
        HttpResponse<String> adminDoctor = admin.putJson("api/admin/users/" + doctor,
                Json.createObjectBuilder().add("displayName", doctor).add("roles",
                        Json.createArrayBuilder().add("ADMIN").add("DOCTOR")).build()
                        .toString());

        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(mixed).getString("error"))
                .contains("AUDITOR is a role of its own", "cannot also be a doctor");
        assertThat(ApiClient.array(admin.get("api/admin/users")).getValuesAs(JsonObject.class))
                .noneMatch(u -> u.getString("username").equals("mixed-" + run));
        assertThat(widened.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(widened).getString("error"))
                .contains("cannot also be an administrator");
        assertThat(adminDoctor.statusCode()).as(adminDoctor.body()).isEqualTo(200);
        assertThat(account(doctor).getJsonArray("roles").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactlyInAnyOrder("ADMIN", "DOCTOR");
    }

    @Test
    void thePasswordSetAtCreationMustBeReplacedAtTheFirstSignIn() throws Exception {
        String name = "created-" + run;
        HttpResponse<String> created = admin.postJson("api/admin/users",
                Json.createObjectBuilder().add("username", name).add("password", PASSWORD)
                        .add("roles", Json.createArrayBuilder().add("DOCTOR")).build()
                        .toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(account(name).getBoolean("passwordChangeRequired")).isTrue();

        ApiClient user = signedIn(name, PASSWORD);
        HttpResponse<String> refused = user.get("api/patients");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(refused).getString("error"))
                .contains("password is a temporary one");
        assertThat(user.get("app/dashboard.xhtml").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("app/password.xhtml"));

        assertThat(user.postJson("api/account/password", passwordChange(PASSWORD,
                NEW_PASSWORD)).statusCode()).isEqualTo(204);
        assertThat(user.get("api/patients").statusCode()).isEqualTo(200);
        assertThat(account(name).getBoolean("passwordChangeRequired")).isFalse();
        assertThat(signInLocation(name, PASSWORD)).contains("failed=true");
    }

    @Test
    void aTemporaryPasswordTheAdministratorTypesMeetsThePolicyToo() throws Exception {
        String name = user("typed", "AUDITOR");

        HttpResponse<String> weak = admin.postJson("api/admin/users/" + name
                + "/password-reset", "{\"temporaryPassword\":\"qwertyuiopas\"}");
        HttpResponse<String> typed = admin.postJson("api/admin/users/" + name
                + "/password-reset", "{\"temporaryPassword\":\"" + NEW_PASSWORD + "\"}");

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(weak).getString("error")).contains("too easy to guess");
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.object(typed).containsKey("temporaryPassword")).isFalse();
        HttpResponse<String> first = signedIn(name, NEW_PASSWORD).get("api/models");
        assertThat(first.statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(first).getString("error"))
                .contains("password is a temporary one");
    }

    @Test
    void failedSignInsLockTheAccountUntilAnAdministratorUnlocksIt() throws Exception {
        String name = user("locked", "DOCTOR");
        String refused = signInLocation("nobody-" + run, PASSWORD);

        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(signInLocation(name, "wrong-" + PASSWORD)).isEqualTo(refused);
        }

        assertThat(signInLocation(name, PASSWORD)).isEqualTo(refused);
        JsonObject account = account(name);
        assertThat(account.getInt("failedSignIns")).isEqualTo(MAX_FAILURES);
        assertThat(account.getString("lockedUntil")).isNotBlank();
        assertThat(admin.get("app/admin/users.xhtml").body()).contains("locked until");

        assertThat(admin.postJson("api/admin/users/" + name + "/unlock", "").statusCode())
                .isEqualTo(200);

        assertThat(signedIn(name, PASSWORD).get("api/patients").statusCode()).isEqualTo(200);
        assertThat(account(name).getInt("failedSignIns")).isZero();
    }

    @Test
    void wrongCurrentPasswordsOnAPasswordChangeCountAsFailedSignIns() throws Exception {
        String name = user("guesser", "DOCTOR");
        ApiClient session = signedIn(name, PASSWORD);

        for (int attempt = 1; attempt <= MAX_FAILURES; attempt++) {
            HttpResponse<String> wrong = session.postJson("api/account/password",
                    passwordChange("guess-" + attempt + "-" + PASSWORD, NEW_PASSWORD));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(ApiClient.object(wrong).getString("error"))
                    .contains("current password is wrong");
        }
        HttpResponse<String> locked = session.postJson("api/account/password",
                passwordChange(PASSWORD, NEW_PASSWORD));

        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(ApiClient.object(locked).getString("error")).contains("locked until");
        assertThat(signInLocation(name, PASSWORD)).contains("failed=true");
        assertThat(account(name).getInt("failedSignIns")).isEqualTo(MAX_FAILURES);
        assertThat(account(name).getString("lockedUntil")).isNotBlank();
        assertThat(admin.postJson("api/admin/users/" + name + "/unlock", "").statusCode())
                .isEqualTo(200);
        assertThat(session.postJson("api/account/password",
                passwordChange(PASSWORD, NEW_PASSWORD)).statusCode()).isEqualTo(204);
    }

    @Test
    void aSuccessfulSignInStartsTheCountOfFailuresAgain() throws Exception {
        String name = user("counted", "DOCTOR");

        for (int i = 1; i < MAX_FAILURES; i++) {
            signInLocation(name, "wrong-" + PASSWORD);
        }
        signedIn(name, PASSWORD);
        for (int i = 1; i < MAX_FAILURES; i++) {
            signInLocation(name, "wrong-" + PASSWORD);
        }

        assertThat(account(name).containsKey("lockedUntil")).isFalse();
        assertThat(signedIn(name, PASSWORD).get("api/patients").statusCode()).isEqualTo(200);
    }

    @Test
    void weakPasswordsAreRefusedWithTheirReason() throws Exception {
        assertThat(refusal("weak1-" + run, "password1234")).contains("too easy to guess");
        assertThat(refusal("weak2-" + run, "my-weak2-" + run + "-pass"))
                .contains("must not contain the username");
        assertThat(refusal("weak3-" + run, "Xq7#pL2!")).contains("at least 10 characters");
    }

    @Test
    void aNameTooLongOrAReservedUsernameIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> longName = admin.postJson("api/admin/users",
                Json.createObjectBuilder().add("username", "long-" + run)
                        .add("password", PASSWORD).add("displayName", "N".repeat(5000))
                        .add("roles", Json.createArrayBuilder().add("DOCTOR")).build()
                        .toString());
        String name = user("renamed", "DOCTOR");
        HttpResponse<String> longRename = admin.putJson("api/admin/users/" + name,
                change("N".repeat(129), "DOCTOR"));

        assertThat(List.of(longName, longRename)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(ApiClient.object(answer).getString("error"))
                    .contains("at most 128 characters");
        });
        assertThat(refusal("anonymous", PASSWORD)).contains("reserved");
        assertThat(ApiClient.array(admin.get("api/admin/users")).getValuesAs(JsonObject.class))
                .extracting(u -> u.getString("username"))
                .doesNotContain("long-" + run, "anonymous");
    }

    @Test
    void theTitleAtTheTopOfAPageLeadsAnAdministratorToTheirStartPage() throws Exception {
        String page = admin.get("app/admin/users.xhtml").body();
        Matcher brand = Pattern.compile("<a href=\"([^\"]+)\" class=\"brand\"").matcher(page);
        assertThat(brand.find()).as(page).isTrue();
        String href = brand.group(1);

        HttpResponse<String> home = admin.get(href.substring(href.indexOf('/', 1) + 1));

        assertThat(home.statusCode()).as(href).isIn(302, 303);
        assertThat(home.headers().firstValue("Location")).get().asString()
                .contains("app/admin/users.xhtml");
    }

    @Test
    void onlyAnAdministratorCallsTheAdministratorsEndpoints() throws Exception {
        String name = user("plain", "DOCTOR");
        ApiClient doctor = signedIn(name, PASSWORD);

        List<HttpResponse<String>> answers = List.of(
                doctor.get("api/admin/users"),
                doctor.postJson("api/admin/users/admin/disable", ""),
                doctor.postJson("api/admin/users/admin/unlock", ""),
                doctor.postJson("api/admin/users/admin/password-reset", "{}"),
                doctor.putJson("api/admin/users/" + name, change(name, "ADMIN")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(ApiClient.object(answer).getString("error")).contains("role");
        });
        assertThat(doctor.get("app/admin/users.xhtml").statusCode()).isEqualTo(403);
        assertThat(ApiClient.object(doctor.get("api/account")).getJsonObject("account")
                .getJsonArray("roles").getString(0)).isEqualTo("DOCTOR");
    }

    @Test
    void changedRolesAndNameTakeEffectAtTheNextSignIn() throws Exception {
        String name = user("moved", "DOCTOR");
        ApiClient before = signedIn(name, PASSWORD);

        HttpResponse<String> changed = admin.putJson("api/admin/users/" + name,
                change("Dr Moved", "AUDITOR"));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(before.get("api/patients").statusCode()).isEqualTo(401);
        ApiClient after = signedIn(name, PASSWORD);
        JsonObject account = ApiClient.object(after.get("api/account"))
                .getJsonObject("account");
        assertThat(account.getString("displayName")).isEqualTo("Dr Moved");
        assertThat(account.getJsonArray("roles").getString(0)).isEqualTo("AUDITOR");
        assertThat(after.get("app/upload.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionThatEndedLeadsToTheLoginPageWithANote() throws Exception {
        // each on a client of its own: the redirect to the login page starts a new session
        String[] endedSession = {"Cookie", "JSESSIONID=ended-session-" + run};
        String ajaxForm = "jakarta.faces.partial.ajax=true&jakarta.faces.source=accounts"
                + "&jakarta.faces.ViewState=stale";

        HttpResponse<String> page = new ApiClient(applicationUrl())
                .getWithHeaders("app/dashboard.xhtml", endedSession);
        HttpResponse<String> api = new ApiClient(applicationUrl())
                .getWithHeaders("api/patients", endedSession);
        HttpResponse<String> ajax = new ApiClient(applicationUrl()).postForm(
                "app/admin/users.xhtml", ajaxForm,
                "Cookie", endedSession[1], "Faces-Request", "partial/ajax");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("login.xhtml?ended=true"));
        assertThat(new ApiClient(applicationUrl()).get("login.xhtml?ended=true").body())
                .contains("Your session ended; sign in again.");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(ApiClient.object(api).getString("error")).contains("session ended");
        assertThat(ajax.statusCode()).isEqualTo(200);
        assertThat(ajax.body()).contains("<partial-response><redirect url=",
                "login.xhtml?ended=true");
    }

    @Test
    void anAjaxRequestOnAnExpiredViewIsSentToAFreshPageNotAnError() throws Exception {
        HttpResponse<String> ajax = admin.postForm("app/admin/users.xhtml",
                "jakarta.faces.partial.ajax=true&jakarta.faces.source=register%3Acreate"
                        + "&jakarta.faces.partial.execute=%40all&register=register"
                        + "&jakarta.faces.ViewState=stale-view",
                "Faces-Request", "partial/ajax");

        assertThat(ajax.statusCode()).isEqualTo(200);
        assertThat(ajax.body()).contains("<redirect url=", "app/admin/users.xhtml")
                .doesNotContain("Exception");
    }

    @Test
    void sessionsLastTheConfiguredTime() throws Exception {
        JsonObject me = ApiClient.object(admin.get("api/account"));

        assertThat(me.getInt("sessionTimeoutMinutes")).isEqualTo(SESSION_MINUTES);
        assertThat(me.getJsonObject("account").getString("username")).isEqualTo("admin");
    }

    @Test
    void theAuditTrailRecordsAnAccountsEventsButNeverAPassword() throws Exception {
        String name = user("audited", "DOCTOR");
        ApiClient auditor = signedIn(user("auditor", "AUDITOR"), PASSWORD);
        signedIn(name, PASSWORD).postForm("logout", "");
        for (int i = 0; i < MAX_FAILURES; i++) {
            signInLocation(name, "wrong-" + PASSWORD);
        }
        admin.postJson("api/admin/users/" + name + "/unlock", "");
        admin.putJson("api/admin/users/" + name, change("Dr Audited", "DOCTOR"));
        String temporary = ApiClient.object(admin.postJson("api/admin/users/" + name
                + "/password-reset", "{}")).getString("temporaryPassword");
        admin.postJson("api/admin/users/" + name + "/disable", "");

        HttpResponse<String> answer = auditor.get("api/audit?targetType=user&targetId=" + name
                + "&max=50");

        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonObject> entries = ApiClient.object(answer).getJsonArray("entries")
                .getValuesAs(JsonObject.class);
        assertThat(entries).extracting(e -> e.getString("action")).contains("CREATE",
                "SIGN_IN", "SIGN_OUT", "SIGN_IN_FAILED", "ACCOUNT_LOCKED", "CHANGE");
        // the administrator's changes, and the user's replacing the password set at creation
        assertThat(entries).filteredOn(e -> e.getString("action").equals("CHANGE"))
                .extracting(e -> e.getString("actor")).containsOnly("admin", name);
        assertThat(answer.body()).contains("Dr Audited", "enabled")
                .doesNotContain(PASSWORD, temporary, ApiClient.TEMPORARY_PREFIX + PASSWORD);
    }

    /** Registers a user of this run with {@link #PASSWORD}; returns the username. */
    private String user(String prefix, String role) throws Exception {
        String name = prefix + "-" + run;
        admin.registerUser(name, PASSWORD, role);
        return name;
    }

    private ApiClient signedIn(String name, String password) throws Exception {
        ApiClient client = new ApiClient(applicationUrl());
        client.signIn(name, password);
        return client;
    }

    /** Where a sign-in with these credentials leads, on a client of its own. */
    private String signInLocation(String name, String password) throws Exception {
        HttpResponse<String> answer = new ApiClient(applicationUrl())
                .submitSignIn(name, password);
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private JsonObject account(String name) throws Exception {
        return ApiClient.array(admin.get("api/admin/users")).getValuesAs(JsonObject.class)
                .stream().filter(u -> u.getString("username").equals(name)).findFirst()
                .orElseThrow();
    }

    private String refusal(String name, String password) throws Exception {
        HttpResponse<String> answer = admin.postJson("api/admin/users",
                Json.createObjectBuilder().add("username", name).add("password", password)
                        .add("roles", Json.createArrayBuilder().add("DOCTOR")).build()
                        .toString());
        assertThat(answer.statusCode()).isEqualTo(400);
        return ApiClient.object(answer).getString("error");
    }

    private static String change(String displayName, String role) {
        return Json.createObjectBuilder().add("displayName", displayName)
                .add("roles", Json.createArrayBuilder().add(role)).build().toString();
    }

    private static String passwordChange(String current, String next) {
        return Json.createObjectBuilder().add("currentPassword", current)
                .add("newPassword", next).build().toString();
    }
}
