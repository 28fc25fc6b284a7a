package org.leukemia.application.upload;

import java.util.Objects;

/**
 * A doctor's choice for one column of a file: what it holds and in which unit.
 *
 * @param header the header as the file writes it
 * @param target the {@link Column#key()} of what it holds; blank: the column is not read
 * @param unit the unit of its values; blank: the unit the header declares, if any
 */
public record ColumnChoice(String header, String target, String unit) {

    /** Replaces nulls by empty texts. */
    public ColumnChoice {
        Objects.requireNonNull(header, "header");
        target = target == null ? "" : target.trim();
        unit = unit == null ? "" : unit.trim();
    }
}
