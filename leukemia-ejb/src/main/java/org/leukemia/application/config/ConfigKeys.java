package org.leukemia.application.config;

/**
 * The name of every setting the application reads through MicroProfile Config.
 *
 * <p>Each key can be given as a system property, as an environment variable (upper case, dots
 * and dashes as underscores: {@code LEUKEMIA_DB_URL}) or through the server's own configuration
 * (for Payara: {@code asadmin set-config-property}). The README lists them with their defaults.
 */
public final class ConfigKeys {

    /** JDBC {@code DataSource} class: {@code com.mysql.cj.jdbc.MysqlDataSource} or H2's. */
    public static final String DB_DATASOURCE_CLASS = "leukemia.db.datasource-class";
    /** JDBC URL of the database. */
    public static final String DB_URL = "leukemia.db.url";
    /** Database user. */
    public static final String DB_USER = "leukemia.db.user";
    /** Database password. */
    public static final String DB_PASSWORD = "leukemia.db.password";

    /** Password of the first administrator; when absent, one is generated and logged once. */
    public static final String ADMIN_INITIAL_PASSWORD = "leukemia.admin.initial-password";

    /** Consecutive failed sign-ins after which an account is locked. */
    public static final String SIGNIN_MAX_FAILURES = "leukemia.signin.max-failures";
    /** Minutes a locked account refuses sign-in, unless an administrator unlocks it. */
    public static final String SIGNIN_LOCK_MINUTES = "leukemia.signin.lock-minutes";
    /** Minutes without a request after which a signed-in session ends. */
    public static final String SESSION_TIMEOUT_MINUTES = "leukemia.session.timeout-minutes";

    /** Largest accepted upload, in bytes. */
    public static final String UPLOAD_MAX_BYTES = "leukemia.upload.max-bytes";
    /** Largest accepted number of patient rows in one upload. */
    public static final String UPLOAD_MAX_ROWS = "leukemia.upload.max-rows";

    /** Folder where every registered model bundle is also written as a file. */
    public static final String MODEL_DIR = "leukemia.model.dir";

    private ConfigKeys() {
    }
}
