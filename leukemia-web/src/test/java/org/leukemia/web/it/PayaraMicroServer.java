package org.leukemia.web.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The built WAR running on a real Payara Micro, as the quick start runs it: embedded H2 in a
 * folder of its own. Started once per test JVM and stopped when the JVM ends.
 */
final class PayaraMicroServer {

    private static PayaraMicroServer instance;
    private static Exception startFailure;

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PayaraMicroServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** The running server, started on first use. */
    static synchronized PayaraMicroServer get() throws Exception {
        if (startFailure != null) {
            throw new IllegalStateException("Payara Micro did not start", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** @return the application's URL, ending in "/" */
    String applicationUrl() {
        return baseUrl + "leukemia/";
    }

    /** @return the server's root URL, where {@code /health} lives */
    String serverUrl() {
        return baseUrl;
    }

    /** @return the server log so far */
    String log() throws IOException {
        return Files.readString(log);
    }

    private static PayaraMicroServer start() throws Exception {
        Path work = Path.of(System.getProperty("it.work", "target/it"));
        Path data = work.resolve("micro-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        // A root folder left by an earlier run still lists that run's application, which
        // Payara Micro would start first, with its own migrations, before deploying this one.
        deleteRecursively(work.resolve("micro-root"));
        int port = Integer.getInteger("it.port", 18080);
        requireFree(port);

        Map<String, String> settings = Map.of(
                "leukemia.db.datasource-class", "org.h2.jdbcx.JdbcDataSource",
                "leukemia.db.url", "jdbc:h2:file:" + data.resolve("database/leukemia"),
                "leukemia.db.user", "leukemia",
                "leukemia.db.password", "leukemia",
                "leukemia.model.dir", data.resolve("models").toString(),
                "leukemia.admin.initial-password", DeployedApplication.ADMIN_PASSWORD,
                "leukemia.upload.max-rows", Integer.toString(MainJobContract.MAX_ROWS));
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx1g"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        AccountSecurityContract.settings()
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.micro.jar"),
                "--deploy", System.getProperty("application.war"),
                "--contextroot", "leukemia", "--port", Integer.toString(port),
                "--nocluster", "--rootdir", work.resolve("micro-root").toString(),
                "--prebootcommandfile", System.getProperty("payara.pre-boot"),
                "--postbootcommandfile", System.getProperty("payara.post-boot")));

        Path log = work.resolve("payara-micro.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        PayaraMicroServer server = new PayaraMicroServer(process, log,
                "http://127.0.0.1:" + port + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        try {
            // a busy machine trains the default model more slowly: -Dit.start-minutes=...
            DeployedApplication.awaitReady(server.serverUrl(),
                    Duration.ofMinutes(Long.getLong("it.start-minutes", 10)), process, log);
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** A server left over on the port would answer in place of the one started here. */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is in use: stop what listens"
                    + " there, or choose another port with -Dit.port=...", e);
        }
    }

    private void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
