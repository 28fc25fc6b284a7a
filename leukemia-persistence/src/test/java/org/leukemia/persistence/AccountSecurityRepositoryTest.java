package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.persistence.testing.TestDatabase;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;
import org.leukemia.persistence.user.UserAccountRepository;

/**
 * The account-security columns of migrations V7 and V8 and their queries, on both databases.
 */
class AccountSecurityRepositoryTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 1, 12, 0);

    @Test
    void worksOnMariaDb() {
        try (TestDatabase db = TestDatabase.mysql("account_security")) {
            check(db);
        }
    }

    @Test
    void worksOnH2(@TempDir Path folder) {
        try (TestDatabase db = TestDatabase.h2(folder)) {
            check(db);
        }
    }

    private static void check(TestDatabase db) {
        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            users.add(new UserAccount("boss", "h", "Boss", Set.of(Role.ADMIN, Role.DOCTOR)));
            users.add(new UserAccount("deputy", "h", "Deputy", Set.of(Role.ADMIN)));
            users.add(new UserAccount("reader", "h", "Reader", Set.of(Role.AUDITOR)));
        });

        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            UserAccount reader = users.findByUsernameForUpdate("reader").orElseThrow();
            reader.recordFailedSignIn(NOON, 2, Duration.ofMinutes(15));
            reader.recordFailedSignIn(NOON, 2, Duration.ofMinutes(15));
            reader.resetPassword("temporary");
            reader.recordFailedSignIn(NOON.plusMinutes(1), 2, Duration.ofMinutes(15));
            reader.recordSignIn(NOON.plusMinutes(2));
            reader.recordFailedSignIn(NOON.plusMinutes(3), 2, Duration.ofMinutes(15));
            reader.recordFailedSignIn(NOON.plusMinutes(3), 2, Duration.ofMinutes(15));
            users.findByUsername("deputy").orElseThrow().disable();
        });

        db.inTransaction(em -> {
            UserAccountRepository users = new UserAccountRepository(em);
            UserAccount reader = users.findByUsername("reader").orElseThrow();
            assertThat(reader.getFailedSignIns()).isEqualTo(2);
            assertThat(reader.getLockedUntil()).isEqualTo(NOON.plusMinutes(18));
            assertThat(reader.isPasswordChangeRequired()).isTrue();
            assertThat(reader.getLastSignInAt()).isEqualTo(NOON.plusMinutes(2));
            assertThat(reader.getCredentialsVersion()).isEqualTo(1);
            assertThat(users.findByUsername("deputy").orElseThrow().getCredentialsVersion())
                    .isEqualTo(1);
            assertThat(users.findByUsername("boss").orElseThrow().getCredentialsVersion())
                    .isZero();
            assertThat(users.findByUsernameForUpdate("nobody")).isEmpty();
            assertThat(users.countEnabledWithRole(Role.ADMIN)).isEqualTo(1);
            assertThat(users.countEnabledWithRole(Role.AUDITOR)).isEqualTo(1);
        });
    }
}
