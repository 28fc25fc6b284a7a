package org.leukemia.application.upload;

import java.util.List;

/**
 * How a file would be read, before anything is stored: for the doctor to confirm or correct.
 *
 * @param fileName the file name as the doctor's browser sent it
 * @param rows how many data rows the file has (blank rows left out)
 * @param savedMapping the laboratory whose saved mapping was applied; {@code null} when the
 *     columns were recognised from their headers alone
 * @param columns one line per header of the file, in file order
 */
public record UploadPreview(String fileName, int rows, String savedMapping,
        List<ColumnLine> columns) {

    /** Copies the list. */
    public UploadPreview {
        columns = List.copyOf(columns);
    }

    /**
     * One header and how it would be read.
     *
     * @param header the header as written
     * @param target the {@link Column#key()} of what it holds; empty: not read
     * @param unit the unit its values are read in, when one is declared or chosen; else empty
     * @param reading what the product will do with it, in words ("not read: ..." included)
     */
    public record ColumnLine(String header, String target, String unit, String reading) {
    }

    /** @return whether some column is read as the patient identifier, without which no row is */
    public boolean identifierFound() {
        return columns.stream().anyMatch(c -> c.target().equals(Column.IDENTIFIER.key()));
    }

    /** @return the lines as choices, to send back unchanged or corrected */
    public List<ColumnChoice> choices() {
        return columns.stream().map(c -> new ColumnChoice(c.header(), c.target(), c.unit()))
                .toList();
    }
}
