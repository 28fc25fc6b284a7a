package org.leukemia.persistence;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SchemaMigrator#migrate} did.
 *
 * @param appliedCount number of migrations applied by this run (0 when already up to date)
 * @param schemaVersion the schema version after the run, such as "1", or null when the database
 *        has no migrations at all
 * @param applied versions and descriptions of the migrations applied by this run
 */
public record MigrationReport(int appliedCount, String schemaVersion, List<String> applied) {

    /** Copies {@code applied}. */
    public MigrationReport {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
    }
}
