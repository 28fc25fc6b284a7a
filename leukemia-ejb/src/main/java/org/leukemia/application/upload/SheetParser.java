package org.leukemia.application.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Units;

/**
 * Turns the rows of any tabular file (a workbook sheet, a CSV file) into {@link SheetRow}s:
 * finds the header, maps its columns, and keeps the cells of the mapped columns.
 *
 * <p>Rows arrive one at a time, in order, so that a reader can stream them. The header is the
 * first row that names at least one laboratory parameter; title rows above it, and blank
 * rows anywhere, are skipped. Each cell is a {@link Double}, a {@link String}, a
 * {@link java.time.LocalDate}, {@link #UNCOMPUTED_FORMULA} or {@code null}.
 *
 * <p>The data rows are kept, or handed one by one to a {@link RowSink} as they are read, so
 * that a large file never sits whole in memory; or the reading stops once the header is
 * mapped. Either way the reading ends with a {@link ReadingStopped} when it stops before the
 * end of the file, which the readers pass on unchanged: what the sink threw is never mistaken
 * for a file that cannot be read.
 */
final class SheetParser {

    /**
     * The cell of a formula saved without its result (a workbook written by a program that
     * does not compute formulas): its value is unknown, which the row's reader is told.
     */
    static final Object UNCOMPUTED_FORMULA = new Object() {
        @Override
        public String toString() {
            return "a formula without a saved result";
        }
    };

    /** Takes the data rows of a file as they are read. */
    interface RowSink extends Consumer<SheetRow> {

        /**
         * Told, when the file says so before its rows (a workbook's sheet dimension, a CSV
         * file's line count), about how many data rows follow: the rows it announces less one
         * for the header, title and blank rows still counted.
         *
         * @param rows about how many data rows follow, at least 0
         */
        default void expect(int rows) {
        }
    }

    /** The reading stopped on purpose: the header was all that was wanted, or the sink failed. */
    static final class ReadingStopped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private ReadingStopped(RuntimeException sinkFailure) {
            super(sinkFailure);
        }

        /** @return what the sink threw; empty when the reading stopped after the header */
        Optional<RuntimeException> sinkFailure() {
            return Optional.ofNullable((RuntimeException) getCause());
        }
    }

    private final int maxRows;
    private final Map<String, ColumnChoice> choices;
    private final boolean preview;
    private final List<String> headers = new ArrayList<>();
    private final List<MappedColumn> columns = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    private final List<SheetRow> rows = new ArrayList<>();
    private final RowSink sink;
    private final boolean headerOnly;
    private int rowCount;
    private boolean headerFound;
    private int headerWidth;

    /** @param maxRows the most data rows accepted; a larger file is refused */
    SheetParser(int maxRows) {
        this(maxRows, Map.of(), false);
    }

    /**
     * @param maxRows the most data rows accepted; a larger file is refused
     * @param choices the doctor's choices by header, which win over what the headers say
     * @param preview whether the content is only shown to the doctor, who may still choose the
     *     identifier column: then a file without one is not refused
     */
    SheetParser(int maxRows, Map<String, ColumnChoice> choices, boolean preview) {
        this(maxRows, choices, preview, null, false);
    }

    private SheetParser(int maxRows, Map<String, ColumnChoice> choices, boolean preview,
            RowSink sink, boolean headerOnly) {
        this.maxRows = maxRows;
        this.choices = Map.copyOf(choices);
        this.preview = preview;
        this.sink = sink;
        this.headerOnly = headerOnly;
    }

    /**
     * A parser that hands each data row to a sink as it is read, instead of keeping it.
     *
     * @param maxRows the most data rows accepted; a larger file is refused
     * @param choices the doctor's choices by header, which win over what the headers say
     * @param preview whether the content is only shown to the doctor (see above)
     * @param sink takes each data row
     * @return the parser
     */
    static SheetParser streaming(int maxRows, Map<String, ColumnChoice> choices,
            boolean preview, RowSink sink) {
        return new SheetParser(maxRows, choices, preview, sink, false);
    }

    /**
     * A parser that stops the reading once the header is mapped (with a
     * {@link ReadingStopped}); {@link #header()} then tells how the file will be read.
     *
     * @param choices the doctor's choices by header, which win over what the headers say
     * @param preview whether the content is only shown to the doctor (see above)
     * @return the parser
     */
    static SheetParser headerOnly(Map<String, ColumnChoice> choices, boolean preview) {
        return new SheetParser(Integer.MAX_VALUE, choices, preview, null, true);
    }

    /**
     * Told by a reader, before the rows, how many rows the file announces.
     *
     * @param rows rows announced, the header row and any title and blank rows included
     */
    void expect(int rows) {
        if (sink != null) {
            sink.expect(Math.max(0, rows - 1));
        }
    }

    /**
     * Takes the next row of the file.
     *
     * @param rowNumber the row's number as a spreadsheet or text editor shows it (from 1)
     * @param cells the row's cells, by column position
     * @throws UploadException when the file has more data rows than allowed
     */
    void row(int rowNumber, List<Object> cells) {
        row(rowNumber, cells, null);
    }

    /**
     * Takes the next row of a delimited text file, whose values are placed by counting
     * separators: a data row with a value beyond the header's last column has its values
     * shifted (a decimal comma in a comma-separated file, or a separator too many), and is
     * rejected rather than read into the wrong columns.
     *
     * @param rowNumber the row number as the file shows it
     * @param cells the row's values, in order
     */
    void delimitedRow(int rowNumber, List<Object> cells) {
        int width = width(cells);
        row(rowNumber, cells, !headerFound || width <= headerWidth ? null
                : "the row has " + width + " values where the header has " + headerWidth
                        + " columns, so its values after a decimal comma (in a comma-separated"
                        + " file) or a separator too many are shifted; correct the row and"
                        + " upload it again");
    }

    private void row(int rowNumber, List<Object> cells, String malformed) {
        if (!headerFound) {
            if (namesAParameter(cells)) {
                mapHeader(cells);
                headerFound = true;
                if (headerOnly) {
                    throw new ReadingStopped(null);
                }
            }
            return;
        }
        Map<Column, Object> values = new LinkedHashMap<>();
        Set<Column> uncomputed = new LinkedHashSet<>();
        for (MappedColumn c : columns) {
            Object cell = c.index() < cells.size() ? cells.get(c.index()) : null;
            if (cell == UNCOMPUTED_FORMULA) {
                uncomputed.add(c.column());
                continue;
            }
            if (cell instanceof String text) {
                cell = text.isBlank() ? null : text.trim();
            }
            if (cell != null) {
                values.put(c.column(), cell);
            }
        }
        if (values.isEmpty() && uncomputed.isEmpty()) {
            return;
        }
        if (rowCount == maxRows) {
            throw new UploadException("The file has more than " + maxRows
                    + " patient rows, the most one upload accepts: split it.");
        }
        rowCount++;
        SheetRow row = new SheetRow(rowNumber, values, uncomputed, malformed);
        if (sink == null) {
            rows.add(row);
            return;
        }
        try {
            sink.accept(row);
        } catch (RuntimeException e) {
            throw new ReadingStopped(e);
        }
    }

    /**
     * Everything read, once the last row has been given.
     *
     * @throws UploadException when no header was found, no column holds the patient
     *     identifier, or no data row follows the header
     */
    WorkbookContent finish() {
        WorkbookContent header = header();
        if (rowCount == 0) {
            throw new UploadException("The file has a header but no patient rows.");
        }
        return new WorkbookContent(header.headers(), header.columns(), header.ignoredHeaders(),
                rows, rowCount);
    }

    /**
     * How the file will be read, once its header was given.
     *
     * @return the headers and columns, without rows
     * @throws UploadException when no header was found or no column holds the patient
     *     identifier
     */
    WorkbookContent header() {
        if (!headerFound) {
            throw new UploadException("No header row names a laboratory parameter: download the"
                    + " template to see the expected columns.");
        }
        if (!preview && columns.stream().noneMatch(c -> c.column() == Column.IDENTIFIER)) {
            throw new UploadException("No column holds the patient identifier: name one"
                    + " 'Patient ID'.");
        }
        return new WorkbookContent(headers, columns, ignored, List.of(), 0);
    }

    private boolean namesAParameter(List<Object> cells) {
        return cells.stream().filter(String.class::isInstance).map(String.class::cast)
                .map(String::trim).map(this::target).flatMap(Optional::stream)
                .anyMatch(c -> c.kind() == Column.Kind.PARAMETER);
    }

    private Optional<Column> target(String header) {
        ColumnChoice choice = choices.get(header);
        return choice == null ? HeaderMatcher.match(header) : Column.fromKey(choice.target());
    }

    /** The number of cells up to the last that is not blank. */
    private static int width(List<Object> cells) {
        int width = cells.size();
        while (width > 0 && (cells.get(width - 1) == null
                || cells.get(width - 1) instanceof String text && text.isBlank())) {
            width--;
        }
        return width;
    }

    private void mapHeader(List<Object> cells) {
        headerWidth = width(cells);
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i) == null ? "" : cells.get(i).toString().trim();
            if (header.isEmpty()) {
                continue;
            }
            headers.add(header);
            ColumnChoice choice = choices.get(header);
            Optional<Column> match = target(header);
            if (match.isEmpty()) {
                ignored.add(choice == null ? header : header + " (not read, as chosen)");
                continue;
            }
            Column column = match.get();
            if (columns.stream().anyMatch(c -> c.column().equals(column))) {
                ignored.add(header + " (a second column for the same value)");
                continue;
            }
            Optional<String> unit = choice != null && !choice.unit().isEmpty()
                    ? Optional.of(choice.unit()) : HeaderMatcher.unit(header);
            Optional<Units.Conversion> conversion = Optional.empty();
            if (unit.isPresent() && column.parameter().isPresent()) {
                Parameter p = column.parameter().get();
                conversion = Units.conversion(p, unit.get());
                if (conversion.isEmpty() && choice != null && !choice.unit().isEmpty()) {
                    throw new UploadException("The unit '" + unit.get() + "' chosen for the"
                            + " column '" + header + "' cannot be converted to " + p.unit()
                            + ".");
                }
                if (conversion.isEmpty()) {
                    ignored.add(header + " (the unit '" + unit.get() + "' cannot be converted to "
                            + p.unit() + ")");
                    continue;
                }
            }
            columns.add(new MappedColumn(i, header, column, conversion));
        }
    }
}
