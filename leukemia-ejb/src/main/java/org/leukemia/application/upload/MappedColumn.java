package org.leukemia.application.upload;

import java.util.Objects;
import java.util.Optional;
import org.leukemia.ml.Units;

/**
 * A column of the uploaded file as the product reads it: where it is, what its header says,
 * what it holds and, when the header declares a unit, how its values become canonical.
 *
 * @param index the column's position in the file, from 0
 * @param header the header as written in the file
 * @param column what the column holds
 * @param unit the conversion of the unit the header declares; empty when it declares none
 */
public record MappedColumn(int index, String header, Column column,
        Optional<Units.Conversion> unit) {

    /** Checks that every part is present. */
    public MappedColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(unit, "unit");
    }

    /** @return a line for the doctor: "GB (/mm3) → White blood cells, /mm3 converted to 10^9/L" */
    public String describe() {
        String target = column.parameter().map(p -> p.label() + unit
                .filter(u -> !u.isIdentity())
                .map(u -> ", " + u.unit() + " converted to " + p.unit())
                .orElse(p.label().endsWith("(" + p.unit() + ")") ? "" : " (" + p.unit() + ")"))
                .orElseGet(column::label);
        return header + " → " + target;
    }
}
