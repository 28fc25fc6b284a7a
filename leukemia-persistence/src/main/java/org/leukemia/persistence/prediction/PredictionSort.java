package org.leukemia.persistence.prediction;

import java.io.Serializable;
import java.util.Objects;

/**
 * The order of the patient list: one column, ascending or descending. Rows that tie on it are
 * ordered by the prediction's time and then its id, in the same direction, so that pages never
 * overlap or skip a row.
 *
 * @param column the column sorted by
 * @param ascending true for ascending, false for descending
 */
public record PredictionSort(Column column, boolean ascending) implements Serializable {

    /** Newest first: the list's default. */
    public static final PredictionSort NEWEST_FIRST = new PredictionSort(Column.PREDICTED_AT,
            false);

    /** The columns the list can be sorted by. */
    public enum Column {
        /** When the prediction was made. */
        PREDICTED_AT,
        /** The probability of the suggested subtype. */
        CONFIDENCE,
        /** The suggested subtype (alphabetical: ALL, AML, APL). */
        SUBTYPE,
        /** The patient's hospital identifier. */
        PATIENT
    }

    /** @param column not null */
    public PredictionSort {
        Objects.requireNonNull(column, "column");
    }
}
