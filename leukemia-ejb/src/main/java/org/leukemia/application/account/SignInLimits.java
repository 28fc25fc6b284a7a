package org.leukemia.application.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.user.UserAccount;

/**
 * How many consecutive failed sign-ins an account takes before it is locked, and for how long,
 * read against a clock (the system's in production, a test's own in tests).
 *
 * @param maxFailures consecutive failures that lock an account, at least 1
 * @param lockDuration how long a locked account refuses sign-in, positive
 * @param clock where "now" comes from
 */
public record SignInLimits(int maxFailures, Duration lockDuration, Clock clock) {

    /** Failures that lock an account when the setting is absent. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** Minutes an account stays locked when the setting is absent. */
    public static final int DEFAULT_LOCK_MINUTES = 15;

    /** Checks the settings. */
    public SignInLimits {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("At least one failed sign-in must be allowed"
                    + " before an account locks: " + maxFailures);
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("An account must stay locked for a positive"
                    + " time: " + lockDuration);
        }
        if (clock == null) {
            throw new IllegalArgumentException("A clock is required");
        }
    }

    /** Whether {@code account} refuses sign-in now. */
    public boolean isLocked(UserAccount account) {
        return account.isLockedAt(now());
    }

    /**
     * Counts a failed sign-in of {@code account} now.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailure(UserAccount account) {
        return account.recordFailedSignIn(now(), maxFailures, lockDuration);
    }

    /** Records a successful sign-in of {@code account} now. */
    public void recordSuccess(UserAccount account) {
        account.recordSignIn(now());
    }

    /** The current time of the clock as stored: UTC, whole seconds. */
    public LocalDateTime now() {
        return Timestamps.now(clock);
    }
}
