package org.leukemia.persistence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for persisted timestamps.
 *
 * <p>All timestamps are stored as {@link LocalDateTime} in UTC (EclipseLink in Payara would
 * serialise {@code Instant} as a blob). Values are truncated to whole seconds so that an entity
 * read back equals the one written on every supported database: MySQL Connector/J drops the
 * fraction of a second when talking to MariaDB 10.x (which announces itself as "5.5.5-10..."
 * and so looks older than MySQL 5.6.4), while MySQL 8 and H2 would keep it. The columns are
 * {@code DATETIME(6)}, so finer values written by other means are kept and read back.
 * Ordering "newest first" therefore breaks ties by id.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The current UTC time, truncated to whole seconds. */
    public static LocalDateTime nowUtc() {
        return now(Clock.systemUTC());
    }

    /** The current time of {@code clock} in UTC, truncated to whole seconds. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }
}
