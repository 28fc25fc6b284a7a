package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.persistence.testing.TestDatabase;

class MigrationTest {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__(.+)\\.sql");

    @Test
    void migratesMariaDbToTheLatestVersionAndThenHasNothingToDo() throws Exception {
        List<Script> scripts = scripts();
        try (TestDatabase db = TestDatabase.mysql("migration")) {
            assertThat(db.migration().applied())
                    .containsExactlyElementsOf(scripts.stream().map(Script::described).toList());
            assertThat(db.migration().schemaVersion()).isEqualTo(latest(scripts));

            MigrationReport again = SchemaMigrator.migrate(db.dataSource());
            assertThat(again.appliedCount()).isZero();
            assertThat(again.schemaVersion()).isEqualTo(latest(scripts));
        }
    }

    @Test
    void migratesH2ToTheLatestVersionAndThenHasNothingToDo(@TempDir Path folder)
            throws Exception {
        List<Script> scripts = scripts();
        try (TestDatabase db = TestDatabase.h2(folder)) {
            assertThat(db.migration().appliedCount()).isEqualTo(scripts.size());
            assertThat(db.migration().schemaVersion()).isEqualTo(latest(scripts));
        }
        try (TestDatabase reopened = TestDatabase.h2(folder)) {
            assertThat(reopened.migration().appliedCount()).isZero();
            assertThat(reopened.migration().schemaVersion()).isEqualTo(latest(scripts));
        }
    }

    /** The migration scripts of this module, in version order. */
    private static List<Script> scripts() throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaMigrator.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Script> scripts = files.map(f -> SCRIPT.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> new Script(Integer.parseInt(m.group(1)),
                            m.group(2).replace('_', ' ')))
                    .sorted(Comparator.comparingInt(Script::version))
                    .toList();
            assertThat(scripts).as("migration scripts").hasSizeGreaterThanOrEqualTo(5);
            return scripts;
        }
    }

    private static String latest(List<Script> scripts) {
        return Integer.toString(scripts.get(scripts.size() - 1).version());
    }

    private record Script(int version, String description) {
        String described() {
            return "V" + version + " " + description;
        }
    }
}
