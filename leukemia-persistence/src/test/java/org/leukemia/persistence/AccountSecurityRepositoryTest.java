package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void administratorsAreCountedOneTransactionAfterTheOtherOnMariaDb() throws Exception {
        try (TestDatabase db = TestDatabase.mysql("account_security_lock")) {
            db.inTransaction(em -> {
                UserAccountRepository users = new UserAccountRepository(em);
                users.add(new UserAccount("first", "h", "First", Set.of(Role.ADMIN)));
                users.add(new UserAccount("second", "h", "Second", Set.of(Role.ADMIN)));
            });
            CountDownLatch counted = new CountDownLatch(1);
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                // "first" disables "second" while "second" is about to disable "first"
                Future<Long> firstSaw = other.submit(() -> db.fromTransaction(em -> {
                    UserAccountRepository users = new UserAccountRepository(em);
                    long admins = users.countEnabledWithRoleForUpdate(Role.ADMIN);
                    counted.countDown();
                    pause(Duration.ofMillis(700));
                    users.findByUsername("second").orElseThrow().disable();
                    return admins;
                }));
                assertThat(counted.await(30, TimeUnit.SECONDS)).isTrue();
                long secondSaw = db.fromTransaction(em -> new UserAccountRepository(em)
                        .countEnabledWithRoleForUpdate(Role.ADMIN));

                assertThat(firstSaw.get(30, TimeUnit.SECONDS)).isEqualTo(2);
                assertThat(secondSaw).as("counted after the first one's change").isEqualTo(1);
            } finally {
                other.shutdownNow();
            }
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
            assertThat(users.countEnabledWithRoleForUpdate(Role.ADMIN)).isEqualTo(1);
            assertThat(users.countEnabledWithRoleForUpdate(Role.AUDITOR)).isEqualTo(1);
        });
    }
}
