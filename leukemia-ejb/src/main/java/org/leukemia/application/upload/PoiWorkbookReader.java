package org.leukemia.application.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the first sheet of an Excel workbook with Apache POI's workbook API, whole in memory,
 * and gives its rows to a {@link SheetParser}: the reader of .xls workbooks (at most 65,536
 * rows) and of password-protected ones, which it recognises and refuses. Formula cells give
 * their cached value, date cells a {@link java.time.LocalDate}. Large .xlsx sheets are read by
 * {@link XlsxStreamReader}.
 */
final class PoiWorkbookReader {

    private static final Logger LOG = Logger.getLogger(PoiWorkbookReader.class.getName());
    private static final DataFormatter TEXT = new DataFormatter();

    private final Supplier<SheetParser> parsers;

    /** @param maxRows the most data rows accepted; a larger sheet is refused */
    PoiWorkbookReader(int maxRows) {
        this(() -> new SheetParser(maxRows));
    }

    /** @param parsers makes the parser that each file's rows are given to */
    PoiWorkbookReader(Supplier<SheetParser> parsers) {
        this.parsers = parsers;
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
            SheetParser parser = parsers.get();
            Sheet sheet = workbook.getSheetAt(0);
            parser.expect(sheet.getLastRowNum() - sheet.getFirstRowNum() + 1);
            read(sheet, parser);
            return parser.finish();
        } catch (SheetParser.ReadingStopped e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw refusal(e);
        }
    }

    /**
     * The refusal of a workbook that Apache POI could not read, saying why where it can.
     *
     * @param e what POI threw
     * @return the refusal for the doctor
     */
    static UploadException refusal(Exception e) {
        if (e instanceof UploadException known) {
            return known;
        }
        if (e instanceof EncryptedDocumentException) {
            return new UploadException("The workbook is password-protected: save it without a"
                    + " password and upload it again.");
        }
        if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
            return new UploadException("The workbook unpacks to far more data than its size"
                    + " can hold honestly (a zip bomb?); it was not read.");
        }
        LOG.log(Level.FINE, "A workbook could not be read", e);
        return new UploadException("The file is not an Excel workbook that can be read: it"
                + " is damaged, or of another kind under an Excel name. Open it in Excel or"
                + " LibreOffice, save it again as .xlsx and upload that.");
    }

    private static void read(Sheet sheet, SheetParser parser) {
        for (Row row : sheet) {
            List<Object> cells = new ArrayList<>();
            for (Cell cell : row) {
                while (cells.size() < cell.getColumnIndex()) {
                    cells.add(null);
                }
                cells.add(cellValue(cell));
            }
            parser.row(row.getRowNum() + 1, cells);
        }
    }

    private static Object cellValue(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : cell.getNumericCellValue();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN, ERROR -> TEXT.formatCellValue(cell);
            default -> null;
        };
    }
}
