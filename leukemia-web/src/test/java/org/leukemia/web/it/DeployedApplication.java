package org.leukemia.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** What the integration tests share about a deployed application, whatever the server. */
public final class DeployedApplication {

    /** The administrator password the tests configure; never a product default. */
    public static final String ADMIN_PASSWORD = "it-admin-password-7f3a";

    private DeployedApplication() {
    }

    /**
     * Waits until the server's readiness endpoint reports the application's own check as up.
     * The server alone reporting "UP" is not enough: it does so after a failed deployment too.
     *
     * @param serverUrl the server's root URL, ending in "/"
     * @param process the server process, to fail fast if it dies; may be {@code null}
     * @param log the server log, quoted when start-up fails; may be {@code null}
     */
    public static void awaitReady(String serverUrl, Duration timeout, Process process, Path log)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The server stopped during start-up:\n"
                        + tail(log));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create(serverUrl + "health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && answer.body().contains("\"name\":\"leukemia\"")
                        && answer.body().contains("\"status\":\"UP\"")
                        && servesPages(http, serverUrl)) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The application was not ready in " + timeout
                + "; last answer: " + last + "\n" + tail(log));
    }

    /**
     * Whether the server already routes requests to the application: Payara runs the
     * application's start-up, and so reports it ready, a moment before it publishes the web
     * context, during which its pages answer 404.
     */
    private static boolean servesPages(HttpClient http, String serverUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(serverUrl + "leukemia/login.xhtml"))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private static String tail(Path log) throws IOException {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 6000));
    }
}
