package org.leukemia.ear;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.leukemia.web.it.AccountSecurityContract;
import org.leukemia.web.it.DeployedApplication;
import org.leukemia.web.it.MainJobContract;

/**
 * A real Payara Server 6 domain with the EAR deployed as hospital IT would deploy it: the
 * settings given as MicroProfile Config properties of the domain, the database on the MySQL
 * (MariaDB) server. Created once per test JVM, removed when the JVM ends.
 */
final class PayaraServerDomain {

    private static final String DOMAIN = "leukemia-it";
    private static final String DATABASE = System.getProperty("it.database", "leukemia_it_ear");

    private static PayaraServerDomain instance;
    private static Exception startFailure;

    private final Path home;
    private final Path work;
    private final int portBase;

    private PayaraServerDomain(Path home, Path work, int portBase) {
        this.home = home;
        this.work = work;
        this.portBase = portBase;
    }

    /** The running domain with the application deployed, started on first use. */
    static synchronized PayaraServerDomain get() throws Exception {
        if (startFailure != null) {
            throw new IllegalStateException("The domain did not start", startFailure);
        }
        if (instance == null) {
            PayaraServerDomain domain = new PayaraServerDomain(
                    Path.of(System.getProperty("payara.home")),
                    Path.of(System.getProperty("it.work", "target/it")),
                    Integer.getInteger("it.portbase", 28000));
            Runtime.getRuntime().addShutdownHook(new Thread(domain::stop));
            try {
                domain.start();
            } catch (Exception e) {
                startFailure = e;
                throw e;
            }
            instance = domain;
        }
        return instance;
    }

    /** @return the server's root URL, ending in "/" */
    String serverUrl() {
        return "http://127.0.0.1:" + (portBase + 80) + "/";
    }

    /**
     * @return the row limit the application is given: {@code it.max-rows}, or else the
     *     tests' own small limit
     */
    static int maxRows() {
        return Integer.getInteger("it.max-rows", MainJobContract.MAX_ROWS);
    }

    /** @return the process id of the domain's server */
    long processId() {
        String domainDir = home.resolve("glassfish/domains/" + DOMAIN).toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(c -> c.contains(domainDir)
                        && c.contains("ASMain")).isPresent())
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("no server process for "
                        + domainDir));
    }

    /**
     * @param version a model version the application stored
     * @return the file of that model's bundle, as the application wrote it
     */
    Path modelFile(int version) {
        return work.resolve("models").resolve("model-v" + version + ".zip");
    }

    /** @return the application's URL, ending in "/" */
    String applicationUrl() {
        return serverUrl() + "leukemia/";
    }

    /** @return the application's URL on the domain's TLS listener, ending in "/" */
    String secureApplicationUrl() {
        return "https://127.0.0.1:" + (portBase + 81) + "/leukemia/";
    }

    private void start() throws Exception {
        Files.createDirectories(work);
        recreateDatabase();
        asadmin(false, "stop-domain", DOMAIN);
        asadmin(false, "delete-domain", DOMAIN);
        asadmin(true, "create-domain", "--nopassword", "--portbase", Integer.toString(portBase),
                DOMAIN);
        asadmin(true, "start-domain", DOMAIN);
        // the hardening the README asks of hospital IT, so that the tests check it works
        for (String listener : List.of("http-listener-1", "http-listener-2")) {
            String http = "configs.config.server-config.network-config.protocols.protocol."
                    + listener + ".http.";
            asadmin(true, "set", http + "cookie-same-site-enabled=true");
            asadmin(true, "set", http + "cookie-same-site-value=Strict");
        }
        // role refusals are audited and logged by the application in one line each
        asadmin(true, "set-log-levels", "jakarta.enterprise.ejb.container=SEVERE");
        // only the application and the readiness check answer
        asadmin(true, "set-metrics-configuration", "--enabled=false");
        asadmin(true, "set-openapi-configuration", "--enabled=false");
        // a listener changed while running does not always come back; a restart brings both
        asadmin(true, "restart-domain", DOMAIN);
        // JDBC drivers belong to the server, as in any Payara Server installation.
        asadmin(true, "add-library", System.getProperty("mysql.driver.jar"));

        Map<String, String> settings = Map.of(
                "leukemia.db.datasource-class", "com.mysql.cj.jdbc.MysqlDataSource",
                "leukemia.db.url", databaseServerUrl() + "/" + DATABASE
                        + "?rewriteBatchedStatements=true",
                "leukemia.db.user", System.getProperty("test.db.user", "leukemia"),
                "leukemia.db.password", System.getProperty("test.db.password", "leukemia"),
                "leukemia.admin.initial-password", DeployedApplication.ADMIN_PASSWORD,
                "leukemia.upload.max-rows", Integer.toString(maxRows()),
                "leukemia.model.dir", work.resolve("models").toString());
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(AccountSecurityContract.settings());
        for (Map.Entry<String, String> setting : all.entrySet()) {
            asadmin(true, "set-config-property", "--source", "domain",
                    "--propertyName", setting.getKey(), "--propertyValue", setting.getValue());
        }
        asadmin(true, "deploy", "--name", "leukemia", System.getProperty("application.ear"));

        DeployedApplication.awaitReady(serverUrl(), Duration.ofMinutes(10), null,
                home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log"));
    }

    private void stop() {
        try {
            asadmin(false, "stop-domain", DOMAIN);
        } catch (Exception e) {
            System.err.println("Could not stop the Payara domain: " + e);
        }
    }

    /** Runs asadmin on the admin port of this domain, failing the test if it must succeed. */
    private void asadmin(boolean mustSucceed, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/asadmin").toString(),
                "--port", Integer.toString(portBase + 48), "--interactive=false"));
        command.addAll(List.of(arguments));
        Path log = work.resolve("asadmin.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish");
        }
        if (mustSucceed && process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments)
                    + " failed:\n" + tail(log));
        }
    }

    private static void recreateDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseServerUrl(),
                System.getProperty("test.db.user", "leukemia"),
                System.getProperty("test.db.password", "leukemia"));
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE);
            sql.execute("CREATE DATABASE " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    /** @return the JDBC URL of the application's database, for tests that read it */
    static String databaseUrl() {
        return databaseServerUrl() + "/" + DATABASE;
    }

    /** The MySQL server's URL without a database: the tests' URL minus its path. */
    static String databaseServerUrl() {
        String url = System.getProperty("test.db.url", "jdbc:mysql://127.0.0.1:3306/leukemia_test");
        int path = url.indexOf('/', "jdbc:mysql://".length());
        return path < 0 ? url : url.substring(0, path);
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
