package org.leukemia.application.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads exported workbooks back, as a spreadsheet would open them. */
public final class ExportedWorkbooks {

    /** Texts a spreadsheet would take for formulas, one for each dangerous first character. */
    public static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"http://x\",\"y\")",
            "+41 22", "-1+1", "@SUM(A1:A2)", "\tcmd", "\rcmd");

    private ExportedWorkbooks() {
    }

    /** Every cell of every sheet. */
    public static List<Cell> cells(byte[] xlsx) throws IOException {
        List<Cell> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
        }
        return cells;
    }

    /**
     * Checks that no cell is a formula and that each of {@link #FORMULA_LIKE} is kept as text
     * with the quote prefix.
     */
    public static void assertInert(byte[] xlsx) throws IOException {
        List<Cell> cells = cells(xlsx);
        assertThat(cells).isNotEmpty()
                .noneMatch(c -> c.getCellType() == CellType.FORMULA);
        for (String dangerous : FORMULA_LIKE) {
            assertThat(cells).as("a cell holding %s", dangerous)
                    .filteredOn(c -> c.getCellType() == CellType.STRING
                            && c.getStringCellValue().equals(dangerous))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.getCellStyle().getQuotePrefixed()).isTrue());
        }
    }
}
