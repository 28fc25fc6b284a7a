package org.leukemia.persistence;

import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database schema up to date with the Flyway migrations in {@code db/migration}.
 *
 * <p>The schema comes only from these migrations, never from JPA. The same scripts serve MySQL
 * (or MariaDB) and H2. The migrations are looked up with this class's class loader so that they
 * are found when this jar sits in {@code WEB-INF/lib} or in an EAR's {@code lib}.
 */
public final class SchemaMigrator {

    /** Where the migration scripts live. */
    public static final String LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private SchemaMigrator() {
    }

    /**
     * Applies the pending migrations. A database that has tables but no Flyway history is
     * refused (no baseline), so an unknown schema is never silently adopted.
     *
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the applied ones
     *         differ from the scripts
     */
    public static MigrationReport migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .baselineOnMigrate(false)
                .load();
        MigrateResult result = flyway.migrate();
        List<String> applied = result.migrations.stream()
                .map(m -> "V" + m.version + " " + m.description)
                .toList();
        MigrationInfo current = flyway.info().current();
        String version = current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
        if (applied.isEmpty()) {
            LOG.info(() -> "Database schema is up to date at version " + version);
        } else {
            LOG.info(() -> "Applied " + applied.size() + " migration(s) " + applied
                    + "; database schema is now at version " + version);
        }
        return new MigrationReport(result.migrationsExecuted, version, applied);
    }
}
