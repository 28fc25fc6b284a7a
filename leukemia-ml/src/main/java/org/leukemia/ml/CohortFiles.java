package org.leukemia.ml;

import java.io.IOException;
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
     * Reads and normalises a cohort file.
     *
     * @param file CSV file with a header row in the AI-PAL column format
     * @return the cases in file order
     * @throws IOException if the file cannot be read, a column is missing or a cell is invalid
     */
    public static List<LabeledCase> readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        Normaliser normaliser = new Normaliser();
        List<LabeledCase> cases = new ArrayList<>();
        int changedRows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = format.parse(reader);
            checkColumns(parser.getHeaderNames(), file);
            for (CSVRecord row : parser) {
                NormalisedValues normalised = normaliser.normalise(rawValues(row, file));
                if (!normalised.notes().isEmpty()) {
                    changedRows++;
                }
                cases.add(new LabeledCase(row.get("case_id"), diagnosis(row, file),
                        normalised.values()));
            }
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

    private static Map<Parameter, Double> rawValues(CSVRecord row, Path file)
            throws IOException {
        Map<Parameter, Double> raw = new EnumMap<>(Parameter.class);
        for (Map.Entry<String, Parameter> column : COLUMNS.entrySet()) {
            String cell = row.get(column.getKey());
            if (cell == null || cell.isEmpty() || cell.equalsIgnoreCase("NA")) {
                continue;
            }
            try {
                raw.put(column.getValue(), Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + " line " + row.getRecordNumber()
                        + ": column " + column.getKey() + " is not a number", e);
            }
        }
        return raw;
    }

    private static Subtype diagnosis(CSVRecord row, Path file) throws IOException {
        String value = row.get("diagnosis").toUpperCase(Locale.ROOT);
        try {
            return Subtype.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " line " + row.getRecordNumber()
                    + ": unknown diagnosis", e);
        }
    }
}
