package org.leukemia.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads labelled cohorts in the column format of the AI-PAL study export.
 *
 * <p>Expected columns: {@code case_id, diagnosis, age, WBC_G_L, MCV_fL, MCHC_g_L, ANC_percent,
 * ANC_G_L, Lymphocytes_percent, Lymphocytes_G_L, Monocytes_percent, Monocytes_G_L,
 * Platelets_G_L, PT_percent, Fibrinogen_g_L, LDH_UI_L}; an empty cell is missing. Every row is
 * passed through {@link Normaliser}.
 */
public final class CohortFiles {

    private static final Logger LOG = Logger.getLogger(CohortFiles.class.getName());

    /** Column name of the AI-PAL export for each parameter it contains. */
    public static final Map<String, Parameter> COLUMNS = columns();

    private CohortFiles() {
    }

    private static Map<String, Parameter> columns() {
        Map<String, Parameter> columns = new LinkedHashMap<>();
        columns.put("age", Parameter.AGE);
        columns.put("WBC_G_L", Parameter.WBC);
        columns.put("MCV_fL", Parameter.MCV);
        columns.put("MCHC_g_L", Parameter.MCHC);
        columns.put("ANC_percent", Parameter.NEUTROPHILS_PERCENT);
        columns.put("ANC_G_L", Parameter.NEUTROPHILS);
        columns.put("Lymphocytes_percent", Parameter.LYMPHOCYTES_PERCENT);
        columns.put("Lymphocytes_G_L", Parameter.LYMPHOCYTES);
        columns.put("Monocytes_percent", Parameter.MONOCYTES_PERCENT);
        columns.put("Monocytes_G_L", Parameter.MONOCYTES);
        columns.put("Platelets_G_L", Parameter.PLATELETS);
        columns.put("PT_percent", Parameter.PT_PERCENT);
        columns.put("Fibrinogen_g_L", Parameter.FIBRINOGEN);
        columns.put("LDH_UI_L", Parameter.LDH);
        return Map.copyOf(columns);
    }

    /**
     * Reads and normalises a cohort file, CSV or Excel ({@code .xlsx}) by its extension.
     *
     * @param file cohort file with a header row in the AI-PAL column format
     * @return the cases in file order
     * @throws IOException if the file cannot be read, a column is missing or a cell is invalid
     */
    public static List<LabeledCase> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
    }

    /**
     * Reads and normalises a cohort file.
     *
     * @param file CSV file with a header row in the AI-PAL column format
     * @return the cases in file order
     * @throws IOException if the file cannot be read, a column is missing or a cell is invalid
     */
    public static List<LabeledCase> readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(reader);
            checkColumns(parser.getHeaderNames(), file);
            for (CSVRecord row : parser) {
                rows.add(row.toMap());
            }
        }
        return toCases(rows, file);
    }

    /**
     * Reads and normalises the first sheet of an Excel workbook laid out like the CSV
     * format: a header row, then one patient per row; an empty cell is missing.
     *
     * @param file {@code .xlsx} workbook
     * @return the cases in sheet order
     * @throws IOException if the file cannot be read, a column is missing or a cell is invalid
     */
    public static List<LabeledCase> readXlsx(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw new IOException(file.getFileName() + ": empty sheet");
            }
            List<String> header = new ArrayList<>();
            for (Cell cell : headerRow) {
                while (header.size() < cell.getColumnIndex()) {
                    header.add("");
                }
                header.add(formatter.formatCellValue(cell).strip());
            }
            checkColumns(header, file);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = row.getCell(c);
                    values.put(header.get(c), cell == null ? "" : cellText(cell, formatter));
                }
                if (values.values().stream().allMatch(String::isEmpty)) {
                    continue;
                }
                rows.add(values);
            }
        }
        return toCases(rows, file);
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA
                ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return Double.toString(cell.getNumericCellValue());
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<LabeledCase> toCases(List<Map<String, String>> rows, Path file)
            throws IOException {
        Normaliser normaliser = new Normaliser();
        List<LabeledCase> cases = new ArrayList<>();
        int changedRows = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            NormalisedValues normalised = normaliser.normalise(rawValues(row, i + 1, file));
            if (!normalised.notes().isEmpty()) {
                changedRows++;
            }
            cases.add(new LabeledCase(row.get("case_id"), diagnosis(row, i + 1, file),
                    normalised.values()));
        }
        LOG.log(Level.FINE, "Read {0} cases from {1}; normalisation changed {2} rows",
                new Object[] {cases.size(), file.getFileName(), changedRows});
        return List.copyOf(cases);
    }

    private static void checkColumns(List<String> header, Path file) throws IOException {
        List<String> required = new ArrayList<>(List.of("case_id", "diagnosis"));
        required.addAll(COLUMNS.keySet());
        for (String column : required) {
            if (!header.contains(column)) {
                throw new IOException(file.getFileName() + ": missing column " + column);
            }
        }
    }

    private static Map<Parameter, Double> rawValues(Map<String, String> row, int line,
            Path file) throws IOException {
        Map<Parameter, Double> raw = new EnumMap<>(Parameter.class);
        for (Map.Entry<String, Parameter> column : COLUMNS.entrySet()) {
            String cell = row.get(column.getKey());
            if (cell == null || cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                continue;
            }
            try {
                raw.put(column.getValue(), Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + " row " + line
                        + ": column " + column.getKey() + " is not a number", e);
            }
        }
        return raw;
    }

    private static Subtype diagnosis(Map<String, String> row, int line, Path file)
            throws IOException {
        String value = row.getOrDefault("diagnosis", "").strip().toUpperCase(Locale.ROOT);
        try {
            return Subtype.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " row " + line
                    + ": unknown diagnosis", e);
        }
    }
}
