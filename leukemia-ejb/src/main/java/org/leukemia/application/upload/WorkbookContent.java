package org.leukemia.application.upload;

import java.util.List;
import java.util.Optional;

/**
 * What an uploaded file holds, read but not yet interpreted.
 *
 * @param headers every non-blank header of the file, in file order
 * @param columns the recognised columns, in file order
 * @param ignoredHeaders headers that name nothing this product reads, each with the reason
 *     when there is more to say than "not recognised"
 * @param rows the data rows below the header, blank rows left out; empty when each was given
 *     to a sink as it was read
 * @param rowCount how many data rows the file has
 */
public record WorkbookContent(List<String> headers, List<MappedColumn> columns,
        List<String> ignoredHeaders, List<SheetRow> rows, int rowCount) {

    /** Copies the lists. */
    public WorkbookContent {
        headers = List.copyOf(headers);
        columns = List.copyOf(columns);
        ignoredHeaders = List.copyOf(ignoredHeaders);
        rows = List.copyOf(rows);
    }

    /** @return the mapped column under this header, if it is read */
    public Optional<MappedColumn> column(String header) {
        return columns.stream().filter(c -> c.header().equals(header)).findFirst();
    }

    /** @return the mapped column that holds this, if the file has one */
    public Optional<MappedColumn> column(Column column) {
        return columns.stream().filter(c -> c.column().equals(column)).findFirst();
    }
}
