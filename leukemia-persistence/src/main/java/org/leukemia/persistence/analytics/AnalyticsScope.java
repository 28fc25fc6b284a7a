package org.leukemia.persistence.analytics;

import java.time.LocalDateTime;
import java.util.Objects;
import org.leukemia.persistence.user.UserAccount;

/**
 * Which predictions an analytics query counts: those of one doctor's patients or of every
 * patient, optionally only those made in a period. Removed patients are never counted.
 *
 * @param owner the doctor whose patients count, or null for every patient
 * @param from the earliest prediction time counted (UTC, inclusive), or null for no bound
 * @param until the time (UTC, exclusive) before which predictions count, or null for no bound
 */
public record AnalyticsScope(UserAccount owner, LocalDateTime from, LocalDateTime until) {

    /**
     * @throws IllegalArgumentException if {@code until} is not after {@code from}
     */
    public AnalyticsScope {
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("The period ends (" + until
                    + ") before it begins (" + from + ")");
        }
    }

    /** Every patient, at any time. */
    public static AnalyticsScope everyPatient() {
        return new AnalyticsScope(null, null, null);
    }

    /** The patients of {@code owner}, at any time. */
    public static AnalyticsScope patientsOf(UserAccount owner) {
        return new AnalyticsScope(Objects.requireNonNull(owner, "owner"), null, null);
    }

    /** The same patients, only predictions made from {@code start} until before {@code end}. */
    public AnalyticsScope between(LocalDateTime start, LocalDateTime end) {
        return new AnalyticsScope(owner, start, end);
    }
}
