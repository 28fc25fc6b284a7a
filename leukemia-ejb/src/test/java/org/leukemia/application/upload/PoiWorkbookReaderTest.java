package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;

class PoiWorkbookReaderTest {

    @Test
    void findsTheHeaderBelowATitleAndSkipsBlankRows() throws IOException {
        byte[] file = TestWorkbooks.xlsx(sheet -> {
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
        byte[] file = TestWorkbooks.xlsx(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("WBC");
            sheet.createRow(1).createCell(0).setCellValue(3.0);
        });

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(file)))
                .isInstanceOf(UploadException.class).hasMessageContaining("identifier");
    }

    @Test
    void refusesMoreRowsThanAllowed() throws IOException {
        byte[] file = TestWorkbooks.patients(3);

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
    void aDamagedOldWorkbookIsRefusedInWordsADoctorCanActOn() {
        // the signature of an Excel 97-2003 workbook, and nothing of one after it
        byte[] damaged = new byte[2048];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, damaged, 0, signature.length);

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(damaged)))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("save it again as .xlsx")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void theTemplateItselfHasAHeaderButNoPatientRows() {
        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(TemplateWorkbook.create())))
                .isInstanceOf(UploadException.class).hasMessageContaining("no patient rows");
    }

    @Test
    void dateCellsAreDatesAndUnitsInHeadersAreMapped() throws IOException {
        byte[] file = TestWorkbooks.xlsx(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("IPP");
            header.createCell(1).setCellValue("Date of birth");
            header.createCell(2).setCellValue("CCMH (g/dL)");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(123456);
            Cell birth = row.createCell(1);
            birth.setCellValue(LocalDate.of(1961, 5, 2));
            CellStyle dates = sheet.getWorkbook().createCellStyle();
            dates.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("dd/mm/yyyy"));
            birth.setCellStyle(dates);
            row.createCell(2).setCellValue(33.1);
        });

        WorkbookContent content = new PoiWorkbookReader(10).read(input(file));

        assertThat(content.rows().get(0).cells())
                .containsEntry(Column.BIRTH_DATE, LocalDate.of(1961, 5, 2))
                .containsEntry(Column.IDENTIFIER, 123456.0);
        assertThat(content.column(Column.of(Parameter.MCHC)).orElseThrow().describe())
                .isEqualTo("CCMH (g/dL) → Mean corpuscular haemoglobin concentration,"
                        + " g/dL converted to g/L");
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        byte[] plain = TestWorkbooks.xlsx(
                sheet -> sheet.createRow(0).createCell(0).setCellValue("WBC"));
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            fs.writeFilesystem(encrypted);
        }

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(encrypted.toByteArray())))
                .isInstanceOf(UploadException.class).hasMessageContaining("password-protected");
    }

    @Test
    void refusesAZipBombWithoutUnpackingIt() throws IOException {
        byte[] bomb = TestWorkbooks.zipBomb();

        assertThatThrownBy(() -> new PoiWorkbookReader(10).read(input(bomb)))
                .isInstanceOf(UploadException.class).hasMessageContaining("zip bomb");
    }

    private static ByteArrayInputStream input(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
