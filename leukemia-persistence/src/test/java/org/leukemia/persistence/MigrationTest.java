package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.persistence.testing.TestDatabase;

class MigrationTest {

    @Test
    void migratesMariaDbToTheLatestVersionAndThenHasNothingToDo() {
        try (TestDatabase db = TestDatabase.mysql("migration")) {
            assertThat(db.migration().appliedCount()).isEqualTo(5);
            assertThat(db.migration().schemaVersion()).isEqualTo("7");
            assertThat(db.migration().applied())
                    .containsExactly("V1 initial schema", "V2 prediction assessment",
                            "V3 upload file", "V4 column mapping", "V7 account security");

            MigrationReport again = SchemaMigrator.migrate(db.dataSource());
            assertThat(again.appliedCount()).isZero();
            assertThat(again.schemaVersion()).isEqualTo("7");
        }
    }

    @Test
    void migratesH2ToTheLatestVersionAndThenHasNothingToDo(@TempDir Path folder) {
        try (TestDatabase db = TestDatabase.h2(folder)) {
            assertThat(db.migration().appliedCount()).isEqualTo(5);
            assertThat(db.migration().schemaVersion()).isEqualTo("7");
        }
        try (TestDatabase reopened = TestDatabase.h2(folder)) {
            assertThat(reopened.migration().appliedCount()).isZero();
            assertThat(reopened.migration().schemaVersion()).isEqualTo("7");
        }
    }
}
