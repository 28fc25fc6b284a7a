package org.leukemia.application.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TextCellsTest {

    @Test
    void textThatLooksLikeAFormulaIsQuotedAndOtherTextIsNot() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TextCells text = new TextCells(workbook);
            Row row = workbook.createSheet("s").createRow(0);
            int c = 0;
            for (String dangerous : ExportedWorkbooks.FORMULA_LIKE) {
                text.write(row, c++, dangerous);
            }
            text.write(row, c++, "H-0001 =not at the start");
            assertThat(text.write(row, c, "")).isNull();
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        ExportedWorkbooks.assertInert(xlsx);
        Cell plain = ExportedWorkbooks.cells(xlsx).stream()
                .filter(cell -> cell.getStringCellValue().startsWith("H-0001")).findFirst()
                .orElseThrow();
        assertThat(plain.getCellType()).isEqualTo(CellType.STRING);
        assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
    }

    @Test
    void theFirstCharacterDecides() {
        assertThat(ExportedWorkbooks.FORMULA_LIKE).allMatch(TextCells::couldActAsFormula);
        assertThat(TextCells.couldActAsFormula("ALL")).isFalse();
        assertThat(TextCells.couldActAsFormula(" =1")).isFalse();
        assertThat(TextCells.couldActAsFormula("")).isFalse();
        assertThat(TextCells.couldActAsFormula(null)).isFalse();
    }
}
