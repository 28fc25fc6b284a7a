package org.leukemia.application.analytics;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The days whose predictions the analytics count, both ends included; either end may be open.
 *
 * @param from the first day (UTC), or null for no bound
 * @param to the last day (UTC), or null for no bound
 */
public record AnalyticsPeriod(LocalDate from, LocalDate to) {

    /** Every prediction, whenever it was made. */
    public static final AnalyticsPeriod ALL_TIME = new AnalyticsPeriod(null, null);

    /** @throws IllegalArgumentException if the period ends before it begins */
    public AnalyticsPeriod {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it begins ("
                    + from + ").");
        }
    }

    /** @return the first moment counted, or null */
    LocalDateTime start() {
        return from == null ? null : from.atStartOfDay();
    }

    /** @return the first moment no longer counted, or null */
    LocalDateTime end() {
        return to == null ? null : to.plusDays(1).atStartOfDay();
    }

    /** @return the period in words, such as "2026-01-01 to 2026-03-31" or "all time" */
    public String describe() {
        if (from == null && to == null) {
            return "all time";
        }
        if (from == null) {
            return "up to " + to;
        }
        return to == null ? "from " + from : from + " to " + to;
    }
}
