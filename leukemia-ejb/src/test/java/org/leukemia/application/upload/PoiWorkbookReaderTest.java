package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;

class PoiWorkbookReaderTest {

    @Test
    void findsTheHeaderBelowATitleAndSkipsBlankRows() throws IOException {
        byte[] file = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("Haematology export, ward 4");
            Row header = sheet.createRow(2);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC (10^9/L)");
            header.createCell(2).setCellValue("Comment");
            Row first = sheet.createRow(3);
            first.createCell(0).setCellValue("A");
            first.createCell(1).setCellFormula("2*6");
            Row second = sheet.createRow(5);
            second.createCell(0).setCellValue("B");
            second.createCell(1).setCellValue("4,2");
        });

        WorkbookContent content = new PoiWorkbookReader(10).read(input(file));

        assertThat(content.ignoredHeaders()).containsExactly("Comment");
        assertThat(content.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 6);
        assertThat(content.rows().get(0).cells()).containsEntry(Column.of(Parameter.WBC), 12.0);
        assertThat(content.rows().get(1).cells()).containsEntry(Column.of(Parameter.WBC), "4,2");
    }

    @Test
    void refusesASheetWithoutIdentifierColumn() throws IOException {
        byte[] file = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("WBC");
            sheet.createRow(1).createCell(0).setCellValue(3.0);
        });

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(file)))
                .isInstanceOf(UploadException.class).hasMessageContaining("identifier");
    }

    @Test
    void refusesMoreRowsThanAllowed() throws IOException {
        byte[] file = workbook(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC");
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("P" + r);
                row.createCell(1).setCellValue(r);
            }
        });

        assertThatThrownBy(() -> new PoiWorkbookReader(2).read(input(file)))
                .isInstanceOf(UploadException.class).hasMessageContaining("more than 2");
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() {
        byte[] text = "Patient ID;WBC\nA;3\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(text)))
                .isInstanceOf(UploadException.class).hasMessageContaining("not an Excel");
    }

    @Test
    void theTemplateItselfHasAHeaderButNoPatientRows() {
        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(TemplateWorkbook.create())))
                .isInstanceOf(UploadException.class).hasMessageContaining("no patient rows");
    }

    private interface SheetWriter {
        void write(Sheet sheet);
    }

    private static byte[] workbook(SheetWriter writer) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(workbook.createSheet("Results"));
            // Excel saves the value of each formula beside it; do the same.
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static ByteArrayInputStream input(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
