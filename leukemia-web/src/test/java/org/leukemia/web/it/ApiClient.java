package org.leukemia.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A user of the deployed application through HTTP: signs in with the login form, then calls
 * pages and the JSON API with the session cookie, as a browser would. Redirects are not
 * followed, so that tests see them.
 */
public final class ApiClient {

    /** What the password an administrator sets at creation starts with, in these tests. */
    public static final String TEMPORARY_PREFIX = "first-";

    private final String applicationUrl;
    private final HttpClient http;

    /** @param applicationUrl the application's URL, ending in "/" */
    public ApiClient(String applicationUrl) {
        this.applicationUrl = applicationUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                // plain HTTP/1.1, as browsers speak to a server without TLS
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Signs in through the login form.
     *
     * @return the redirect target after sign-in
     * @throws AssertionError if sign-in fails
     */
    public String signIn(String username, String password) throws Exception {
        HttpResponse<String> answer = submitSignIn(username, password);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("failed")) {
            throw new AssertionError("Sign-in of " + username + " failed: "
                    + answer.statusCode() + " " + location);
        }
        return location;
    }

    /** Posts the login form and returns the answer as it is, success or not. */
    public HttpResponse<String> submitSignIn(String username, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(request("j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** GET a path below the application URL. */
    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** GET a path with further request headers, given as name, value, name, value, ... */
    public HttpResponse<String> getWithHeaders(String path, String... headers)
            throws Exception {
        return send(request(path).headers(headers).GET());
    }

    /**
     * POST a form ({@code application/x-www-form-urlencoded}, already encoded) with further
     * request headers, given as name, value, name, value, ...
     */
    public HttpResponse<String> postForm(String path, String form, String... headers)
            throws Exception {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** GET a path below the application URL, as bytes. */
    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POST a JSON body. */
    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST a body of bytes of the given media type. */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body)
            throws Exception {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** PUT a JSON body. */
    public HttpResponse<String> putJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE a path below the application URL. */
    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /** Sends a JSON body without the API header, as a form from another site would. */
    public HttpResponse<String> sendWithoutApiHeader(String method, String path, String json)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(applicationUrl + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST a file as the multipart field {@code file}. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content)
            throws Exception {
        return upload(path, fileName, content, Map.of(), true);
    }

    /** Uploads a file with further text fields of the same multipart form. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content,
            Map<String, String> fields) throws Exception {
        return upload(path, fileName, content, fields, true);
    }

    private HttpResponse<String> upload(String path, String fileName, byte[] content,
            Map<String, String> fields, boolean apiHeader) throws Exception {
        String boundary = "----leukemia-it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + field.getKey() + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + field.getValue()).getBytes(StandardCharsets.UTF_8));
        }
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = apiHeader ? request(path)
                : HttpRequest.newBuilder(URI.create(applicationUrl + path));
        return send(request
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * Registers an account as the administrator and returns a client signed in as it.
     *
     * @param applicationUrl the application's URL, ending in "/"
     */
    public static ApiClient newUser(String applicationUrl, String username, String password,
            String role) throws Exception {
        ApiClient admin = new ApiClient(applicationUrl);
        admin.signIn("admin", DeployedApplication.ADMIN_PASSWORD);
        admin.registerUser(username, password, role);
        ApiClient user = new ApiClient(applicationUrl);
        user.signIn(username, password);
        return user;
    }

    /**
     * Registers an account through the administrator API (the caller must be an admin), then
     * gives it {@code password} as its user would: the password set at creation is a temporary
     * one, replaced at the first sign-in.
     */
    public void registerUser(String username, String password, String role) throws Exception {
        String temporary = TEMPORARY_PREFIX + password;
        HttpResponse<String> answer = postJson("api/admin/users", Json.createObjectBuilder()
                .add("username", username).add("password", temporary)
                .add("displayName", username).add("roles", Json.createArrayBuilder().add(role))
                .build().toString());
        if (answer.statusCode() != 201) {
            throw new AssertionError("Could not register " + username + ": "
                    + answer.statusCode() + " " + answer.body());
        }
        ApiClient user = new ApiClient(applicationUrl);
        user.signIn(username, temporary);
        HttpResponse<String> changed = user.postJson("api/account/password",
                Json.createObjectBuilder().add("currentPassword", temporary)
                        .add("newPassword", password).build().toString());
        if (changed.statusCode() != 204) {
            throw new AssertionError("Could not give " + username + " its password: "
                    + changed.statusCode() + " " + changed.body());
        }
    }

    /** Parses a JSON object answer. */
    public static JsonObject object(HttpResponse<String> answer) {
        return (JsonObject) parse(answer);
    }

    /** Parses a JSON array answer. */
    public static JsonArray array(HttpResponse<String> answer) {
        return (JsonArray) parse(answer);
    }

    private static JsonStructure parse(HttpResponse<String> answer) {
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.read();
        }
    }

    /** POSTs a file as the multipart field {@code file}, as a form from another site would. */
    public HttpResponse<String> uploadWithoutApiHeader(String path, String fileName,
            byte[] content) throws Exception {
        return upload(path, fileName, content, Map.of(), false);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(applicationUrl + path))
                .timeout(Duration.ofMinutes(15))
                .header("X-Requested-By", "integration-test");
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
