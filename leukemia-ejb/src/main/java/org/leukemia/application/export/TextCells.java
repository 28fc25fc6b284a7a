package org.leukemia.application.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes text into the cells of an exported workbook so that it can never act as a formula.
 *
 * <p>Every text is a string cell, never a formula. A text that a spreadsheet would take for
 * the start of a formula when the cell is edited or the sheet saved as CSV (one beginning
 * with {@code = + - @}, a tab or a carriage return: "=HYPERLINK(...)" as a patient
 * identifier, say) also gets a style with Excel's quote prefix, which keeps it text there. One
 * instance serves one workbook.
 */
public final class TextCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Workbook workbook;
    private CellStyle quoted;

    /** @param workbook the workbook written to */
    public TextCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /**
     * Whether a spreadsheet could read {@code text} as a formula.
     *
     * @param text any text, or null
     */
    public static boolean couldActAsFormula(String text) {
        return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /**
     * Writes {@code text} as a string cell; nothing for null or empty text.
     *
     * @return the cell, or null when nothing was written
     */
    public Cell write(Row row, int column, String text) {
        return write(row, column, text, null);
    }

    /**
     * Writes {@code text} as a string cell in {@code style}; nothing for null or empty text. A
     * text that could act as a formula gets the quote prefix instead of the style.
     *
     * @param style the cell's style, or null for the default
     * @return the cell, or null when nothing was written
     */
    public Cell write(Row row, int column, String text, CellStyle style) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Cell cell = row.createCell(column, CellType.STRING);
        cell.setCellValue(text);
        if (couldActAsFormula(text)) {
            cell.setCellStyle(quoted());
        } else if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private CellStyle quoted() {
        if (quoted == null) {
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
        }
        return quoted;
    }
}
