package org.leukemia.persistence.testing;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.leukemia.persistence.MigrationReport;
import org.leukemia.persistence.SchemaMigrator;

/**
 * A real, migrated database for tests: a fresh MariaDB/MySQL database or an H2 file database.
 *
 * <p>The MySQL server is given by the system properties {@code test.db.url} (default
 * {@value #DEFAULT_URL}), {@code test.db.user} and {@code test.db.password} (default
 * {@code leukemia}); {@link #mysql(String)} drops and recreates the database
 * {@code <database of the url>_<name>} there, so each test class should use its own name.
 * The entity manager factory is built from the production unit {@code leukemia}, switched to
 * resource-local transactions on this database. Modules using this class through the test-jar
 * need EclipseLink, mysql-connector-j and H2 on their test class path.
 */
public final class TestDatabase implements AutoCloseable {

    /** The MySQL url used when {@code test.db.url} is not set. */
    public static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/leukemia_test";

    private static final Logger LOG = Logger.getLogger(TestDatabase.class.getName());
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,40}");
    private static final Pattern MYSQL_URL =
            Pattern.compile("(jdbc:mysql://[^/?]+)(?:/([^?]*))?(\\?.*)?");

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String driver;
    private final DataSource dataSource;
    private final MigrationReport migration;
    private EntityManagerFactory entityManagerFactory;

    private TestDatabase(String jdbcUrl, String user, String password, String driver,
            DataSource dataSource) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.driver = driver;
        this.dataSource = dataSource;
        this.migration = SchemaMigrator.migrate(dataSource);
    }

    /**
     * Creates (dropping it first if it exists) and migrates the database
     * {@code leukemia_test_<name>} on the MySQL/MariaDB test server.
     *
     * @param name lowercase letters, digits and underscores; unique per test class
     */
    public static TestDatabase mysql(String name) {
        return mysql(name, true);
    }

    /**
     * Opens the database {@code leukemia_test_<name>} on the MySQL/MariaDB test server as it
     * was left, creating it if missing, and migrates it: for data that take long to make,
     * such as a benchmark's.
     *
     * @param name lowercase letters, digits and underscores; unique per test class
     */
    public static TestDatabase mysqlKept(String name) {
        return mysql(name, false);
    }

    private static TestDatabase mysql(String name, boolean fresh) {
        String databaseUrl = createMysql(name, fresh);
        String user = System.getProperty("test.db.user", "leukemia");
        String password = System.getProperty("test.db.password", "leukemia");
        return new TestDatabase(databaseUrl, user, password, "com.mysql.cj.jdbc.Driver",
                mysqlDataSource(databaseUrl, user, password));
    }

    /**
     * Creates (dropping it first if it exists) the empty database {@code leukemia_test_<name>}
     * on the MySQL/MariaDB test server, without migrating it: for a test of one migration.
     *
     * @param name lowercase letters, digits and underscores; unique per test
     * @return a plain data source of the new database
     */
    public static DataSource emptyMysql(String name) {
        return mysqlDataSource(createMysql(name, true),
                System.getProperty("test.db.user", "leukemia"),
                System.getProperty("test.db.password", "leukemia"));
    }

    /** Creates the database {@code <base>_<name>} if missing, and returns its JDBC url. */
    private static String createMysql(String name, boolean fresh) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "name must be 1-40 lowercase letters, digits or underscores: " + name);
        }
        String url = System.getProperty("test.db.url", DEFAULT_URL);
        String user = System.getProperty("test.db.user", "leukemia");
        String password = System.getProperty("test.db.password", "leukemia");
        var matcher = MYSQL_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("test.db.url is not a jdbc:mysql url: " + url);
        }
        String base = matcher.group(2) == null || matcher.group(2).isEmpty()
                ? "leukemia_test"
                : matcher.group(2);
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        String database = base.toLowerCase(Locale.ROOT) + "_" + name;

        MysqlDataSource server = mysqlDataSource(matcher.group(1) + "/" + query, user, password);
        try (Connection connection = server.getConnection();
                Statement statement = connection.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on "
                    + url + " as " + user + ": " + e.getMessage(), e);
        }
        String databaseUrl = matcher.group(1) + "/" + database + query;
        LOG.fine(() -> "Created test database " + databaseUrl);
        return databaseUrl;
    }

    /**
     * Opens (creating it if missing) and migrates the embedded H2 database {@code leukemia} in
     * {@code folder}, as the quick start uses it.
     */
    public static TestDatabase h2(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("leukemia");
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return new TestDatabase(url, "sa", "", "org.h2.Driver", dataSource);
    }

    private static MysqlDataSource mysqlDataSource(String url, String user, String password) {
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** A plain (unpooled) data source for this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC url of this database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** What the migration on opening did. */
    public MigrationReport migration() {
        return migration;
    }

    /**
     * The factory of unit {@code leukemia} on this database with resource-local transactions,
     * created on first use and closed by {@link #close()}.
     */
    public synchronized EntityManagerFactory entityManagerFactory() {
        if (entityManagerFactory == null) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            properties.put("jakarta.persistence.jtaDataSource", "");
            properties.put("jakarta.persistence.nonJtaDataSource", "");
            properties.put("jakarta.persistence.jdbc.driver", driver);
            properties.put("jakarta.persistence.jdbc.url", jdbcUrl);
            properties.put("jakarta.persistence.jdbc.user", user);
            properties.put("jakarta.persistence.jdbc.password", password);
            // Without the weaving agent EclipseLink loads lazy to-one relations eagerly and
            // says so for each of them; that is expected outside the server.
            properties.put("eclipselink.logging.level.metadata", "SEVERE");
            // Distinct session names keep several test databases apart in one JVM.
            properties.put("eclipselink.session-name", "leukemia-" + jdbcUrl);
            entityManagerFactory = Persistence.createEntityManagerFactory("leukemia", properties);
        }
        return entityManagerFactory;
    }

    /** Runs {@code work} in a new entity manager and transaction, committed when it returns. */
    public void inTransaction(Consumer<EntityManager> work) {
        fromTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Runs {@code work} in a new entity manager and transaction, committed when it returns, and
     * returns its result. The transaction is rolled back when {@code work} or the commit fails.
     */
    public <T> T fromTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory().createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    /** Closes the entity manager factory; the database itself is kept for inspection. */
    @Override
    public synchronized void close() {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
            entityManagerFactory = null;
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
