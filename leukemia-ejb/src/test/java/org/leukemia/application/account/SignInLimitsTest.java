package org.leukemia.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.user.Role;
import org.leukemia.persistence.user.UserAccount;

class SignInLimitsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final SignInLimits limits = new SignInLimits(5, Duration.ofMinutes(15), clock);
    private final UserAccount doctor =
            new UserAccount("doc", "hash", "Dr Doc", Set.of(Role.DOCTOR));

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutes() {
        for (int i = 1; i < 5; i++) {
            assertThat(limits.recordFailure(doctor)).isFalse();
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(limits.isLocked(doctor)).isFalse();

        assertThat(limits.recordFailure(doctor)).isTrue();

        assertThat(limits.isLocked(doctor)).isTrue();
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(limits.isLocked(doctor)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.isLocked(doctor)).isFalse();
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            limits.recordFailure(doctor);
        }

        limits.recordSuccess(doctor);

        for (int i = 0; i < 4; i++) {
            assertThat(limits.recordFailure(doctor)).isFalse();
        }
        assertThat(limits.isLocked(doctor)).isFalse();
        assertThat(doctor.getLastSignInAt()).isEqualTo(limits.now());
    }

    @Test
    void settingsThatWouldLockNobodyOrForeverAreRefused() {
        assertThatThrownBy(() -> new SignInLimits(0, Duration.ofMinutes(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInLimits(3, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock that tests move forward by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
