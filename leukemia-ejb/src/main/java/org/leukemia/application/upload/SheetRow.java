package org.leukemia.application.upload;

import java.util.Map;
import java.util.Set;

/**
 * One data row of a sheet, as typed: each recognised column holds a {@link Double} (a numeric
 * cell) or a {@link String} (anything else); blank cells are absent.
 *
 * @param rowNumber the row number as the spreadsheet shows it (the header row is not 1)
 * @param cells the non-blank cells of recognised columns
 * @param uncomputed the recognised columns whose cell holds a formula saved without its
 *     result, so that its value is unknown
 * @param malformed why the row cannot be read as its cells say (values shifted out of their
 *     columns), or null when it can
 */
public record SheetRow(int rowNumber, Map<Column, Object> cells, Set<Column> uncomputed,
        String malformed) {

    /** A well-formed row whose every cell has its value. */
    public SheetRow(int rowNumber, Map<Column, Object> cells) {
        this(rowNumber, cells, Set.of());
    }

    /** A well-formed row. */
    public SheetRow(int rowNumber, Map<Column, Object> cells, Set<Column> uncomputed) {
        this(rowNumber, cells, uncomputed, null);
    }

    /** @return {@code true} when no recognised column has a value, known or unknown */
    public boolean isBlank() {
        return cells.isEmpty() && uncomputed.isEmpty();
    }
}
