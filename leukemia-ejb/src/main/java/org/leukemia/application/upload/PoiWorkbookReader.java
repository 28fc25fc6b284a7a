package org.leukemia.application.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an Excel workbook with Apache POI. The first row that names at least
 * one known column is the header; the rows below it are data.
 */
final class PoiWorkbookReader {

    private static final DataFormatter TEXT = new DataFormatter();

    private final int maxRows;

    /** @param maxRows the most data rows accepted; a larger sheet is refused */
    PoiWorkbookReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * Reads a workbook.
     *
     * @throws UploadException when the content is not a readable workbook, has no header with a
     *     patient identifier and laboratory parameters, or has more rows than allowed
     */
    WorkbookContent read(InputStream content) {
        try (Workbook workbook = WorkbookFactory.create(content)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UploadException("The workbook has no sheet.");
            }
            return read(workbook.getSheetAt(0));
        } catch (EncryptedDocumentException e) {
            throw new UploadException("The workbook is password-protected: save it without a"
                    + " password and upload it again.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadException known) {
                throw known;
            }
            throw new UploadException("The file is not an Excel workbook that can be read ("
                    + e.getClass().getSimpleName() + ").");
        }
    }

    private WorkbookContent read(Sheet sheet) {
        Row header = findHeader(sheet).orElseThrow(() -> new UploadException(
                "No header row names a laboratory parameter: download the template to see the"
                        + " expected columns."));

        Map<Integer, Column> byIndex = new HashMap<>();
        Map<String, Column> byHeader = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Cell cell : header) {
            String text = TEXT.formatCellValue(cell).trim();
            if (text.isEmpty()) {
                continue;
            }
            Optional<Column> column = HeaderMatcher.match(text);
            if (column.isPresent() && !byIndex.containsValue(column.get())) {
                byIndex.put(cell.getColumnIndex(), column.get());
                byHeader.put(text, column.get());
            } else {
                ignored.add(text);
            }
        }
        requireColumns(byIndex);

        List<SheetRow> rows = new ArrayList<>();
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            SheetRow row = readRow(sheet.getRow(r), r + 1, byIndex);
            if (row.isBlank()) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw new UploadException("The sheet has more than " + maxRows
                        + " patient rows, the most one upload accepts: split it.");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new UploadException("The sheet has a header but no patient rows.");
        }
        return new WorkbookContent(byHeader, ignored, rows);
    }

    private static Optional<Row> findHeader(Sheet sheet) {
        for (Row row : sheet) {
            long parameters = 0;
            for (Cell cell : row) {
                if (HeaderMatcher.match(TEXT.formatCellValue(cell))
                        .filter(c -> c.kind() == Column.Kind.PARAMETER).isPresent()) {
                    parameters++;
                }
            }
            if (parameters > 0) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static void requireColumns(Map<Integer, Column> columns) {
        if (!columns.containsValue(Column.IDENTIFIER)) {
            throw new UploadException("No column holds the patient identifier: name one"
                    + " 'Patient ID'.");
        }
    }

    private static SheetRow readRow(Row row, int rowNumber, Map<Integer, Column> columns) {
        Map<Column, Object> cells = new LinkedHashMap<>();
        if (row != null) {
            columns.forEach((index, column) -> cellValue(row.getCell(index))
                    .ifPresent(value -> cells.put(column, value)));
        }
        return new SheetRow(rowNumber, cells);
    }

    private static Optional<Object> cellValue(Cell cell) {
        if (cell == null) {
            return Optional.empty();
        }
        CellType type = cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return Optional.of(cell.getNumericCellValue());
        }
        if (type == CellType.STRING) {
            String text = cell.getStringCellValue().trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        }
        if (type == CellType.BOOLEAN || type == CellType.ERROR) {
            return Optional.of(TEXT.formatCellValue(cell));
        }
        return Optional.empty();
    }
}
