package org.leukemia.persistence.analytics;

import java.time.YearMonth;

/**
 * How many predictions of a subtype were made in a calendar month (UTC).
 *
 * @param month the month
 * @param subtype "ALL", "AML" or "APL"
 * @param predictions how many predictions
 */
public record MonthCount(YearMonth month, String subtype, long predictions) {
}
