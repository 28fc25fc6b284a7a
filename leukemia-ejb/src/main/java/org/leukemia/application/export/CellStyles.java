package org.leukemia.application.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles the exported workbooks share. */
public final class CellStyles {

    private CellStyles() {
    }

    /** @return a style in bold, for titles, headers and labels */
    public static CellStyle bold(Workbook workbook) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** @return a style showing a fraction as a percentage with one decimal, "80.5%" */
    public static CellStyle percent(Workbook workbook) {
        CellStyle percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        return percent;
    }
}
