package org.leukemia.application.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.leukemia.application.export.TextCells;
import org.leukemia.application.patient.PredictionSummary;

/**
 * The report of an upload as a workbook the doctor can download and keep: which file it was,
 * then one line per row of that file with what became of it.
 *
 * <p>Every cell is written as a plain value (text or number), never as a formula, and text that
 * came from a file ("=HYPERLINK(...)" as a patient identifier, say) stays inert text even when
 * the sheet is edited (see {@link TextCells}). Rows are written through a streaming workbook,
 * so a report of 100,000 rows needs little memory.
 */
public final class UploadReportWorkbook {

    /** Headers of the row table, in order. */
    public static final List<String> HEADERS = List.of("Row", "Patient ID", "Outcome",
            "Suggested subtype", "Probability", "Details");

    private static final int ROWS_IN_MEMORY = 200;

    private UploadReportWorkbook() {
    }

    /**
     * Writes the report.
     *
     * @param report the upload's report
     * @return the report as .xlsx bytes
     */
    public static byte[] write(UploadReport report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));

            TextCells text = new TextCells(workbook);
            Sheet sheet = workbook.createSheet("Upload report");
            int r = 0;
            r = about(text, sheet, r, "File", report.fileName());
            r = about(text, sheet, r, "SHA-256", report.sha256());
            r = about(text, sheet, r, "Upload", Long.toString(report.uploadId()));
            r = about(text, sheet, r, "Rows", report.rows().size() + " read, "
                    + report.storedCount() + " stored, " + report.rejectedCount() + " rejected");
            r = about(text, sheet, r, "Columns not read", report.ignoredColumns().isEmpty()
                    ? "none" : String.join(", ", report.ignoredColumns()));
            r = about(text, sheet, r, "Model", report.modelNote());
            r = about(text, sheet, r, "Note", "Suggested subtypes support a diagnosis; they never"
                    + " replace one.");
            r++;
            Row header = sheet.createRow(r++);
            for (int c = 0; c < HEADERS.size(); c++) {
                text.write(header, c, HEADERS.get(c), bold);
            }
            for (RowOutcome outcome : report.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(outcome.rowNumber());
                text.write(row, 1, outcome.patientId());
                text.write(row, 2, outcome.status().label());
                text.write(row, 3, outcome.withheld() ? PredictionSummary.NO_SUGGESTION
                        : outcome.predictedSubtype());
                if (outcome.confidence() != null) {
                    row.createCell(4).setCellValue(outcome.confidence());
                    row.getCell(4).setCellStyle(percent);
                }
                text.write(row, 5, outcome.message());
            }
            int[] widths = {8, 18, 22, 18, 12, 90};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int about(TextCells text, Sheet sheet, int r, String label, String value) {
        Row row = sheet.createRow(r);
        text.write(row, 0, label);
        text.write(row, 1, value);
        return r + 1;
    }
}
