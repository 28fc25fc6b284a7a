package org.leukemia.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.leukemia.application.export.ExportedWorkbooks;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionSort;

/** The patient list as a workbook and as a PDF, read back as their readers would. */
class PatientListExportTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 5, 4, 9, 30);

    @Test
    void theWorkbookHasALinePerPredictionWithNumbersAndNoFormula() throws Exception {
        List<PredictionSummary> rows = new ArrayList<>();
        rows.add(line("H1001", "MARTIN Anne", "APL", 0.91, 0.02, 0.07, 0.91));
        for (String dangerous : ExportedWorkbooks.FORMULA_LIKE) {
            rows.add(line(dangerous, dangerous, "AML", 0.6, 0.1, 0.6, 0.3));
        }
        byte[] xlsx = PatientListWorkbook.write(listing(rows, false));

        ExportedWorkbooks.assertInert(xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Patients");
            List<String> texts = texts(sheet);
            assertThat(texts).contains(PatientListing.TITLE, PatientListing.DISCLAIMER,
                    "Scope|Patients of Dr Who (drwho)",
                    "Filters|suggested subtype APL; probability 80 % to 100 %",
                    "Order|highest probability first", "Lines|7 lines",
                    "Generated|2026-05-04 09:30 UTC");
            Row header = sheet.getRow(9);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Patient");
            Row first = sheet.getRow(10);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("H1001");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("MARTIN Anne");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("APL");
            assertThat(first.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(0.91);
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo("far from training");
            assertThat(first.getCell(10).getStringCellValue()).isEqualTo("4 (synthetic)");
            assertThat(first.getCell(11).getStringCellValue()).isEqualTo("2026-05-04 09:30");
            assertThat(first.getCell(12).getNumericCellValue()).isEqualTo(12);
            assertThat(first.getCell(14).getStringCellValue()).isEqualTo("APL");
            assertThat(sheet.getLastRowNum()).isEqualTo(16);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 10);
        }
    }

    @Test
    void theDocumentHoldsTheDisclaimerTheFiltersAndEveryLineAcrossPages() throws Exception {
        List<PredictionSummary> rows = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            rows.add(line(String.format("P%05d", i), null, "AML", 0.7, 0.2, 0.7, 0.1));
        }
        byte[] pdf = PatientListPdf.write(listing(rows, true));

        String text;
        int pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pages).isGreaterThan(20);
        assertThat(text).contains(PatientListing.TITLE, "never replaces one",
                "Patients of Dr Who (drwho)", "suggested subtype APL; probability 80 % to 100 %",
                "highest probability first", "The first 1,203 lines: more matched the filters",
                "P00000", "P01202", "70.0 %", "0.20 / 0.70 / 0.10", "Page " + pages);
        for (int i = 0; i < rows.size(); i += 97) {
            assertThat(text).contains(String.format("P%05d ", i));
        }
    }

    @Test
    void aWithheldSuggestionIsExportedWithoutSubtypeNorProbabilities() throws Exception {
        PredictionSummary shown = line("H2001", null, "AML", 0.66, 0.2, 0.66, 0.14);
        PredictionSummary withheld = withheld(line("H2002", null, "APL", 0.997, 0.002, 0.001,
                0.997));
        PatientListing listing = listing(List.of(shown, withheld), false);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                PatientListWorkbook.write(listing)))) {
            Row row = workbook.getSheet("Patients").getRow(11);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("H2002");
            assertThat(row.getCell(2).getStringCellValue())
                    .isEqualTo(PredictionSummary.NO_SUGGESTION);
            for (int c = 3; c <= 7; c++) {
                assertThat(row.getCell(c)).as("column %d", c).isNull();
            }
        }
        String text;
        try (PDDocument document = Loader.loadPDF(PatientListPdf.write(listing))) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("H2001", "66.0 %", "H2002 " + PredictionSummary.NO_SUGGESTION)
                .doesNotContain("99.7 %", "0.00 / 0.00 / 1.00");
    }

    @Test
    void anEmptyListSaysSoInBothFormats() throws Exception {
        PatientListing empty = listing(List.of(), false);

        assertThat(texts(new XSSFWorkbook(new ByteArrayInputStream(
                PatientListWorkbook.write(empty))).getSheet("Patients"))).contains("Lines|0 lines");
        try (PDDocument document = Loader.loadPDF(PatientListPdf.write(empty))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("No line matches the filters.");
        }
    }

    @Test
    void filtersAndOrdersAreDescribedInWords() {
        PredictionCriteria all = PredictionCriteria.builder().text("MART").subtype("aml")
                .confidence(null, 0.805).predictedBetween(LocalDate.of(2026, 1, 1), null)
                .modelVersion(3).upload(12L).diagnosed(false).build();

        assertThat(PatientListing.describe(PredictionCriteria.NONE)).isEqualTo("none");
        assertThat(PatientListing.describe(all)).isEqualTo("identifier or name begins with"
                + " 'MART'; suggested subtype AML; probability 0 % to 80.5 %; predicted from"
                + " 2026-01-01 (UTC); model version 3; upload 12; without a confirmed diagnosis");
        assertThat(PatientListing.describe(PredictionSort.NEWEST_FIRST))
                .isEqualTo("newest prediction first");
        assertThat(PatientListing.describe(new PredictionSort(PredictionSort.Column.PATIENT,
                true))).isEqualTo("patient identifier, A to Z");
    }

    private static PatientListing listing(List<PredictionSummary> rows, boolean more) {
        return new PatientListing("Patients of Dr Who (drwho)", PatientListing.describe(
                PredictionCriteria.builder().subtype("APL").confidence(0.8, null).build()),
                PatientListing.describe(new PredictionSort(PredictionSort.Column.CONFIDENCE,
                        false)), AT, "Dr Who (drwho)", rows, more);
    }

    private static PredictionSummary line(String id, String name, String subtype,
            double confidence, double all, double aml, double apl) {
        return new PredictionSummary(1, id, subtype, confidence, all, aml, apl, 4, true, AT,
                false, true, "far from training", false, subtype, 2, name, subtype, 12L,
                "results.xlsx");
    }

    private static PredictionSummary withheld(PredictionSummary p) {
        return new PredictionSummary(p.patientId(), p.externalId(), p.predictedSubtype(),
                p.confidence(), p.probabilityAll(), p.probabilityAml(), p.probabilityApl(),
                p.modelVersion(), p.syntheticModel(), p.predictedAt(), false, true,
                "rests on missing results", true, p.mostProbableSubtype(), p.predictionId(),
                p.fullName(), p.confirmedDiagnosis(), p.uploadId(), p.uploadFileName());
    }

    /** Each row's cells joined by "|": text as it is, numbers as Java prints them. */
    private static List<String> texts(Sheet sheet) {
        List<String> lines = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                cells.add(cell.getCellType() == CellType.NUMERIC
                        ? Double.toString(cell.getNumericCellValue())
                        : cell.getStringCellValue());
            }
            lines.add(String.join("|", cells));
        }
        return lines;
    }
}
