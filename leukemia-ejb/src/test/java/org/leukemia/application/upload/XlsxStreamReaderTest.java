package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;

class XlsxStreamReaderTest {

    @Test
    void readsBelowAMergedTitleWithExactNumbersFormulasAndDates() throws IOException {
        byte[] file = TestWorkbooks.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Haematology export, ward 4");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            Row header = sheet.createRow(2);
            String[] names = {"Patient ID", "WBC (10^9/L)", "Comment", "DDN", "MCHC"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            CellStyle oneDecimal = sheet.getWorkbook().createCellStyle();
            oneDecimal.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0.0"));
            CellStyle date = sheet.getWorkbook().createCellStyle();
            date.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
            Row first = sheet.createRow(3);
            first.createCell(0).setCellValue(123456);
            first.createCell(1).setCellFormula("2*6.23");
            first.getCell(1).setCellStyle(oneDecimal);
            Cell birth = first.createCell(3);
            birth.setCellValue(java.time.LocalDate.of(1961, 5, 2));
            birth.setCellStyle(date);
            Row second = sheet.createRow(5);
            second.createCell(0).setCellValue("B");
            second.createCell(1).setCellValue("4,2");
            second.createCell(4).setCellValue(33.46);
            second.getCell(4).setCellStyle(oneDecimal);
        });

        WorkbookContent content = new XlsxStreamReader(10).read(file);

        assertThat(content.ignoredHeaders()).containsExactly("Comment");
        assertThat(content.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 6);
        assertThat(content.rows().get(0).cells())
                .containsEntry(Column.IDENTIFIER, 123456.0)
                .containsEntry(Column.of(Parameter.WBC), 12.46)
                .containsEntry(Column.BIRTH_DATE, "1961-05-02");
        assertThat(content.rows().get(1).cells()).containsEntry(Column.of(Parameter.WBC), "4,2")
                .containsEntry(Column.of(Parameter.MCHC), 33.46);
    }

    @Test
    void aFormulaSavedWithoutItsResultIsMarkedAndNumbersAreNumbers() throws IOException {
        byte[] file = TestWorkbooks.xlsxWithoutFormulaResults(sheet -> {
            Row header = sheet.createRow(0);
            String[] names = {"Patient ID", "WBC (10^9/L)", "MCHC (g/L)"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1234567890123456789.0);
            row.createCell(1).setCellFormula("2+3");
            row.createCell(2).setCellValue(330);
        });

        SheetRow row = new XlsxStreamReader(10).read(file).rows().get(0);

        assertThat(row.uncomputed()).containsExactly(Column.of(Parameter.WBC));
        assertThat(row.cells().get(Column.IDENTIFIER)).as("Excel's 15 digits, as a number")
                .isEqualTo(1.23456789012346e18);
        assertThat(row.cells()).containsEntry(Column.of(Parameter.MCHC), 330.0)
                .doesNotContainKey(Column.of(Parameter.WBC));
    }

    @Test
    void aFormulaSavedWithAnEmptyValueHasNoResultEither() throws IOException {
        byte[] file = TestWorkbooks.xlsxWithoutFormulaResults(sheet -> {
            Row header = sheet.createRow(0);
            String[] names = {"Patient ID", "Sex", "WBC (10^9/L)"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("E1");
            row.createCell(1).setCellFormula("IF(1,\"F\",\"M\")");
            row.createCell(2).setCellFormula("2+3");
        });
        // as openpyxl writes them: the formula, then an empty value element
        byte[] emptyValues = TestWorkbooks.rewriteSheet(file,
                xml -> xml.replaceAll("(<f>[^<]*</f>)", "$1<v></v>"));

        SheetRow row = new XlsxStreamReader(10).read(emptyValues).rows().get(0);

        assertThat(row.uncomputed()).containsExactlyInAnyOrder(Column.SEX,
                Column.of(Parameter.WBC));
    }

    @Test
    void cellsAndRowsWithoutTheirReferenceAreReadInTheirOrder() throws IOException {
        byte[] written = TestWorkbooks.xlsx(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC (10^9/L)");
            header.createCell(2).setCellValue("MCV (fL)");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("A1");
            first.createCell(1).setCellValue(12.5);
            first.createCell(2).setCellValue(91);
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue("A2");
            second.createCell(1).setCellValue(3.1);
            second.createCell(2).setCellFormula("80+8");
        });
        // some writers leave out the optional references of rows and cells ("r")
        byte[] file = TestWorkbooks.rewriteSheet(written,
                xml -> xml.replaceAll(" r=\"[A-Z]*[0-9]+\"", ""));
        assertThat(new String(file, StandardCharsets.ISO_8859_1)).isNotEqualTo(
                new String(written, StandardCharsets.ISO_8859_1));

        WorkbookContent content = new XlsxStreamReader(10).read(file);

        assertThat(content.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 3);
        assertThat(content.rows().get(0).cells()).containsEntry(Column.IDENTIFIER, "A1")
                .containsEntry(Column.of(Parameter.WBC), 12.5)
                .containsEntry(Column.of(Parameter.MCV), 91.0);
        assertThat(content.rows().get(1).cells()).containsEntry(Column.IDENTIFIER, "A2")
                .containsEntry(Column.of(Parameter.WBC), 3.1)
                .containsEntry(Column.of(Parameter.MCV), 88.0);
    }

    @Test
    void refusesWhatIsNoUsableWorkbook() throws IOException {
        byte[] headerOnly = TestWorkbooks.xlsx(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC");
        });
        byte[] noParameter = TestWorkbooks.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Patient ID");
            sheet.createRow(1).createCell(0).setCellValue("A");
        });

        assertThatThrownBy(() -> new XlsxStreamReader(10).read(headerOnly))
                .isInstanceOf(UploadException.class).hasMessageContaining("no patient rows");
        assertThatThrownBy(() -> new XlsxStreamReader(10).read(noParameter))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("No header row names a laboratory parameter");
        assertThatThrownBy(() -> new XlsxStreamReader(10).read(
                "PK not really a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("not an Excel workbook that can be read")
                .hasMessageContaining("save it again as .xlsx")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void refusesMoreRowsThanAllowedWhileReading() throws IOException {
        assertThatThrownBy(() -> new XlsxStreamReader(2).read(TestWorkbooks.patients(3)))
                .isInstanceOf(UploadException.class).hasMessageContaining("more than 2");
    }

    @Test
    void aWorkbookWithManyStylesAndAnImageIsNotMistakenForAZipBomb() throws IOException {
        byte[] image = new byte[1 << 20];
        new java.util.Random(3).nextBytes(image);
        byte[] file = TestWorkbooks.xlsx(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("A");
            row.createCell(1).setCellValue(3.5);
            var workbook = sheet.getWorkbook();
            for (int i = 0; i < 30_000; i++) {
                CellStyle style = workbook.createCellStyle();
                style.setIndention((short) (i % 200));
                style.setRotation((short) (i % 90));
            }
            int picture = workbook.addPicture(image, Workbook.PICTURE_TYPE_PNG);
            sheet.createDrawingPatriarch().createPicture(
                    workbook.getCreationHelper().createClientAnchor(), picture);
        });

        WorkbookContent content = new XlsxStreamReader(10).read(file);

        assertThat(content.rows()).singleElement().satisfies(r -> assertThat(r.cells())
                .containsEntry(Column.of(Parameter.WBC), 3.5));
    }

    @Test
    void refusesAZipBomb() throws IOException {
        byte[] bomb = TestWorkbooks.zipBomb();

        assertThatThrownBy(() -> new XlsxStreamReader(10).read(bomb))
                .isInstanceOf(UploadException.class).hasMessageContaining("zip bomb");
    }
}
