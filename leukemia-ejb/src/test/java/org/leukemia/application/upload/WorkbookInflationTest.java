package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurements behind {@link XlsxStreamReader#MIN_INFLATE_RATIO}: how small the most
 * compressible part of legitimate workbooks packs (printed, as quoted in the README), against
 * the zip bomb of the tests.
 */
class WorkbookInflationTest {

    @TempDir
    Path dir;

    @Test
    void legitimateWorkbooksPackFarAboveTheLimitAndTheBombFarBelow() throws IOException {
        Random random = new Random(1);
        double values = lowestRatio("100,000 rows of laboratory values", streamed(sheet -> {
            for (int i = 0; i < 100_000; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("P" + i);
                for (int c = 1; c < 15; c++) {
                    row.createCell(c).setCellValue(Math.round(random.nextDouble() * 1000) / 10.0);
                }
            }
        }));
        double repeated = lowestRatio("100,000 rows of one repeated value", streamed(sheet -> {
            for (int i = 0; i < 100_000; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < 15; c++) {
                    row.createCell(c).setCellValue(1);
                }
            }
        }));
        double styles = lowestRatio("30,000 cell styles", TestWorkbooks.xlsx(sheet -> {
            for (int i = 0; i < 30_000; i++) {
                CellStyle style = sheet.getWorkbook().createCellStyle();
                style.setIndention((short) (i % 200));
                style.setRotation((short) (i % 90));
                if (i < 100) {
                    sheet.createRow(i).createCell(0).setCellStyle(style);
                }
            }
        }));
        double bomb = lowestRatio("the zip bomb of the tests", TestWorkbooks.zipBomb());

        assertThat(values).isGreaterThan(XlsxStreamReader.MIN_INFLATE_RATIO * 3);
        assertThat(repeated).isGreaterThan(XlsxStreamReader.MIN_INFLATE_RATIO * 3);
        assertThat(styles).isGreaterThan(XlsxStreamReader.MIN_INFLATE_RATIO * 3);
        assertThat(bomb).isLessThan(XlsxStreamReader.MIN_INFLATE_RATIO / 3);
    }

    private static byte[] streamed(Consumer<Sheet> writer) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.accept(workbook.createSheet("Results"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Packed size over unpacked size of the most compressible part above 4 kB. */
    private double lowestRatio(String name, byte[] workbook) throws IOException {
        Path file = Files.write(dir.resolve("measured.xlsx"), workbook);
        double lowest = 1;
        String part = "";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                double ratio = (double) e.getCompressedSize() / e.getSize();
                if (e.getSize() > 4096 && ratio < lowest) {
                    lowest = ratio;
                    part = e.getName();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: most compressible part %s packs to %.1f %%%n",
                name, part, lowest * 100);
        return lowest;
    }
}
