package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/** The SQL that Jakarta Security's DatabaseIdentityStore runs, on both databases. */
class IdentityStoreQueriesTest {

    static final String CALLER_QUERY =
            "select password_hash from user_account where username = ? and enabled = TRUE";
    static final String GROUPS_QUERY = "select r.role from user_role r"
            + " join user_account u on u.id = r.user_id where u.username = ?";

    @Test
    void queriesWorkOnMariaDb() throws SQLException {
        try (TestDatabase db = TestDatabase.mysql("identity_store")) {
            check(db);
        }
    }

    @Test
    void queriesWorkOnH2(@TempDir Path folder) throws SQLException {
        try (TestDatabase db = TestDatabase.h2(folder)) {
            check(db);
        }
    }

    private static void check(TestDatabase db) throws SQLException {
        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            users.add(new UserAccount("house", "hash-of-house", "Dr House",
                    Set.of(Role.DOCTOR, Role.ADMIN)));
            UserAccount gone = new UserAccount("gone", "hash-of-gone", "Dr Gone",
                    Set.of(Role.DOCTOR));
            gone.disable();
            users.add(gone);
        });
        try (Connection connection = db.dataSource().getConnection()) {
            assertThat(strings(connection, CALLER_QUERY, "house")).containsExactly("hash-of-house");
            assertThat(strings(connection, CALLER_QUERY, "gone")).isEmpty();
            assertThat(strings(connection, CALLER_QUERY, "nobody")).isEmpty();
            assertThat(strings(connection, GROUPS_QUERY, "house"))
                    .containsExactlyInAnyOrder("DOCTOR", "ADMIN");
            assertThat(strings(connection, GROUPS_QUERY, "gone")).containsExactly("DOCTOR");
        }
    }

    private static List<String> strings(Connection connection, String sql, String parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
