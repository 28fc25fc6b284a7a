package org.leukemia.application.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks made in the tests, the way a spreadsheet program saves them. */
final class TestWorkbooks {

    private TestWorkbooks() {
    }

    /** An .xlsx whose first sheet is written by {@code writer}, formulas with saved values. */
    static byte[] xlsx(Consumer<Sheet> writer) throws IOException {
        return xlsx(writer, true);
    }

    /**
     * An .xlsx whose formulas are saved without their results, as programs that do not
     * compute formulas write them.
     */
    static byte[] xlsxWithoutFormulaResults(Consumer<Sheet> writer) throws IOException {
        return xlsx(writer, false);
    }

    /** The workbook with its first sheet's XML changed by {@code edit}, every other part kept. */
    static byte[] rewriteSheet(byte[] xlsx, UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(Consumer<Sheet> writer, boolean results) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.accept(workbook.createSheet("Results"));
            if (results) {
                // Excel saves the value of each formula beside it; do the same.
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** An .xlsx with a "Patient ID" and "WBC" header and {@code rows} patients below it. */
    static byte[] patients(int rows) throws IOException {
        return xlsx(sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Patient ID");
            header.createCell(1).setCellValue("WBC");
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("P" + r);
                row.createCell(1).setCellValue(r);
            }
        });
    }

    /** A real zip bomb: a valid workbook whose sheet holds 200 MB of blanks, packed to < 1 MB. */
    static byte[] zipBomb() throws IOException {
        byte[] small = xlsx(sheet -> sheet.createRow(0).createCell(0).setCellValue("WBC"));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(small));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] part = in.readAllBytes();
                if (e.getName().endsWith("sheet1.xml")) {
                    String xml = new String(part, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(part);
                }
                out.closeEntry();
            }
        }
        if (bomb.size() > 1_000_000) {
            throw new IllegalStateException("the bomb should pack small: " + bomb.size());
        }
        return bomb.toByteArray();
    }
}
