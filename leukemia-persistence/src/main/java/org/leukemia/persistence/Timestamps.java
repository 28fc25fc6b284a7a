package org.leukemia.persistence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for persisted timestamps.
 *
 * <p>All timestamps are stored as {@link LocalDateTime} in UTC (EclipseLink in Payara would
 * serialise {@code Instant} as a blob). Values are truncated to microseconds, the precision of
 * the {@code DATETIME(6)} columns, so that an entity read back equals the one written.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The current UTC time, truncated to the database precision (microseconds). */
    public static LocalDateTime nowUtc() {
        return now(Clock.systemUTC());
    }

    /** The current time of {@code clock} in UTC, truncated to microseconds. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
