package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
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

    @Test
    void anAccountGivenAuditorBesideAnotherRoleKeepsTheOtherRoleOnMariaDb() throws Exception {
        auditorRoleStandsAlone(TestDatabase.emptyMysql("migration_v11"));
    }

    @Test
    void anAccountGivenAuditorBesideAnotherRoleKeepsTheOtherRoleOnH2(@TempDir Path folder)
            throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("leukemia"));
        h2.setUser("sa");
        auditorRoleStandsAlone(h2);
    }

    /** V11 on accounts made under V10, which let AUDITOR go with other roles. */
    private static void auditorRoleStandsAlone(DataSource dataSource) throws SQLException {
        Flyway.configure(SchemaMigrator.class.getClassLoader()).dataSource(dataSource)
                .locations(SchemaMigrator.LOCATION).target("10").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String[][] accounts = {{"1", "auditor"}, {"2", "doctor"}, {"3", "both"},
                {"4", "everything"}};
            for (String[] a : accounts) {
                s.executeUpdate("INSERT INTO user_account (id, username, password_hash,"
                        + " display_name, enabled, created_at) VALUES (" + a[0] + ", '" + a[1]
                        + "', 'x', '" + a[1] + "', TRUE, CURRENT_TIMESTAMP)");
            }
            s.executeUpdate("INSERT INTO user_role (user_id, role) VALUES (1, 'AUDITOR'),"
                    + " (2, 'DOCTOR'), (3, 'DOCTOR'), (3, 'AUDITOR'), (4, 'ADMIN'),"
                    + " (4, 'DOCTOR'), (4, 'AUDITOR')");
        }

        MigrationReport report = SchemaMigrator.migrate(dataSource);

        assertThat(report.applied()).contains("V11 auditor role alone");
        List<String> roles = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT a.username, r.role FROM user_role r"
                        + " JOIN user_account a ON a.id = r.user_id"
                        + " ORDER BY a.username, r.role")) {
            while (rows.next()) {
                roles.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        assertThat(roles).containsExactly("auditor AUDITOR", "both DOCTOR", "doctor DOCTOR",
                "everything ADMIN", "everything DOCTOR");
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
