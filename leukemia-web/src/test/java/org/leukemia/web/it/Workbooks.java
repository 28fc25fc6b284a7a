package org.leukemia.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks made inside the tests; none is ever committed. */
public final class Workbooks {

    /** The columns of the generated workbooks, with the template's names and units. */
    public static final List<String> PANEL = List.of("Patient ID", "Sex", "Age (years)",
            "WBC (10^9/L)", "MCV (fL)", "MCHC (g/L)", "Platelets (10^9/L)", "PT (%)",
            "Fibrinogen (g/L)", "LDH (U/L)", "Neutrophils (10^9/L)", "Lymphocytes (10^9/L)",
            "Monocytes (10^9/L)");

    private Workbooks() {
    }

    /** The folder of the real cohorts, beside the project, never inside it. */
    public static Path cohortFolder() {
        return Path.of(System.getProperty("aipal.dir", "../shared/data/aipal"));
    }

    /**
     * Converts one of the AI-PAL cohort files into the workbook a hospital would upload: the
     * case id as patient identifier, every laboratory column with its header as in the file,
     * and no diagnosis column.
     */
    public static byte[] fromCohort(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            CSVParser parser = format().parse(reader);
            List<String> columns = parser.getHeaderNames().stream()
                    .filter(h -> !h.equals("diagnosis")).toList();
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Object> cells = new ArrayList<>();
                for (String column : columns) {
                    String value = record.get(column);
                    if (value.isEmpty()) {
                        cells.add(null);
                    } else if (column.equals("case_id")) {
                        cells.add(value);
                    } else {
                        cells.add(Double.valueOf(value));
                    }
                }
                rows.add(cells);
            }
            return of(columns, rows);
        }
    }

    /** The known diagnosis of each case of a cohort file, by case id. */
    public static Map<String, String> diagnoses(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv)) {
            Map<String, String> byCase = new LinkedHashMap<>();
            for (CSVRecord record : format().parse(reader)) {
                byCase.put(record.get("case_id"), record.get("diagnosis"));
            }
            return byCase;
        }
    }

    /** A one-sheet workbook with the given header and rows (a null cell stays empty). */
    public static byte[] of(List<String> headers, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Results");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object cell = cells.get(c);
                    if (cell instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (cell != null) {
                        row.createCell(c).setCellValue(cell.toString());
                    }
                }
            }
            return bytes(workbook);
        }
    }

    /**
     * A workbook of {@code rows} varied, plausible patients with the {@link #PANEL} columns,
     * identified {@code prefix0}, {@code prefix1}, ...; every hundredth row has a WBC that is
     * no number ("twelve"), so that it is rejected.
     */
    public static byte[] manyPatients(String prefix, int rows) throws IOException {
        List<List<Object>> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            double wbc = 1.0 + i % 90;
            lines.add(List.of(prefix + i, i % 2 == 0 ? "F" : "M", 18 + i % 70,
                    i % 100 == 99 ? "twelve" : wbc, 80.0 + i % 25, 320 + i % 30,
                    15 + i % 300, 40 + i % 60, 0.8 + i % 40 / 10.0, 250 + i % 3000,
                    wbc * (0.1 + i % 5 / 10.0), wbc * (0.05 + i % 7 / 10.0),
                    0.05 + i % 20 / 10.0));
        }
        return of(PANEL, lines);
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
