package org.leukemia.application.upload;

import java.util.Map;

/**
 * One data row of a sheet, as typed: each recognised column holds a {@link Double} (a numeric
 * cell) or a {@link String} (anything else); blank cells are absent.
 *
 * @param rowNumber the row number as the spreadsheet shows it (the header row is not 1)
 * @param cells the non-blank cells of recognised columns
 */
public record SheetRow(int rowNumber, Map<Column, Object> cells) {

    /** @return {@code true} when no recognised column has a value */
    public boolean isBlank() {
        return cells.isEmpty();
    }
}
