package org.leukemia.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

/** How an account counts failed sign-ins and locks itself, without a database. */
class UserAccountLockoutTest {

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 1, 12, 0);
    private static final Duration LOCK = Duration.ofMinutes(15);

    private final UserAccount doctor =
            new UserAccount("doc", "hash", "Dr Doc", Set.of(Role.DOCTOR));

    @Test
    void theThirdConsecutiveFailureLocksTheAccountForTheLockDuration() {
        assertThat(doctor.recordFailedSignIn(NOON, 3, LOCK)).isFalse();
        assertThat(doctor.recordFailedSignIn(NOON.plusSeconds(1), 3, LOCK)).isFalse();
        assertThat(doctor.isLockedAt(NOON.plusSeconds(1))).isFalse();

        assertThat(doctor.recordFailedSignIn(NOON.plusSeconds(2), 3, LOCK)).isTrue();

        assertThat(doctor.getLockedUntil()).isEqualTo(NOON.plusSeconds(2).plus(LOCK));
        assertThat(doctor.isLockedAt(NOON.plusMinutes(17))).isFalse();
        assertThat(doctor.isLockedAt(NOON.plusMinutes(15))).isTrue();
    }

    @Test
    void failuresWhileLockedDoNotProlongTheLock() {
        lock();
        LocalDateTime until = doctor.getLockedUntil();

        assertThat(doctor.recordFailedSignIn(NOON.plusMinutes(10), 3, LOCK)).isFalse();

        assertThat(doctor.getLockedUntil()).isEqualTo(until);
        assertThat(doctor.getFailedSignIns()).isEqualTo(3);
    }

    @Test
    void afterALockHasEndedCountingStartsAgain() {
        lock();

        assertThat(doctor.recordFailedSignIn(NOON.plusMinutes(20), 3, LOCK)).isFalse();

        assertThat(doctor.getFailedSignIns()).isEqualTo(1);
        assertThat(doctor.getLockedUntil()).isNull();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        doctor.recordFailedSignIn(NOON, 3, LOCK);
        doctor.recordFailedSignIn(NOON, 3, LOCK);

        doctor.recordSignIn(NOON.plusSeconds(5));

        assertThat(doctor.getFailedSignIns()).isZero();
        assertThat(doctor.getLastSignInAt()).isEqualTo(NOON.plusSeconds(5));
        assertThat(doctor.recordFailedSignIn(NOON.plusSeconds(6), 3, LOCK)).isFalse();
    }

    @Test
    void aResetPasswordUnlocksAndMustBeChangedWhichClearsTheDemand() {
        lock();

        doctor.resetPassword("temporary-hash");

        assertThat(doctor.isLockedAt(NOON)).isFalse();
        assertThat(doctor.isPasswordChangeRequired()).isTrue();
        assertThat(doctor.getPasswordHash()).isEqualTo("temporary-hash");

        doctor.changePassword("chosen-hash");

        assertThat(doctor.isPasswordChangeRequired()).isFalse();
    }

    private void lock() {
        for (int i = 0; i < 3; i++) {
            doctor.recordFailedSignIn(NOON, 3, LOCK);
        }
        assertThat(doctor.isLockedAt(NOON)).isTrue();
    }
}
