package org.leukemia.ml.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;

/**
 * Reader for {@code <cohort>-aipal-predictions.csv}: the published AI-PAL model's
 * probabilities ({@code case_id, diagnosis, p_ALL, p_AML, p_APL}), one row per patient in the
 * order of the cohort file.
 */
public final class AipalPredictions {

    /**
     * Cut-offs of AI-PAL's confident zone as its application uses them: a prediction is
     * confident when p_ALL, p_AML or p_APL reaches its value.
     */
    public static final Map<Subtype, Double> CONFIDENT_CUTOFFS =
            Map.of(Subtype.ALL, 0.9594, Subtype.AML, 0.9448, Subtype.APL, 0.7488);

    private AipalPredictions() {
    }

    /**
     * Scores a row for the evaluation report: AI-PAL decides the most probable subtype, is
     * confident by {@link #CONFIDENT_CUTOFFS} and never flags an input.
     *
     * @param row a predictions row
     * @param centre centre of the patient
     * @return the scored case
     */
    public static ScoredCase scored(Row row, String centre) {
        SubtypePrediction p = row.prediction();
        Subtype decided = p.predicted();
        boolean confident = p.probability(decided) >= CONFIDENT_CUTOFFS.get(decided);
        return new ScoredCase(row.caseId(), centre, row.diagnosis(), p.probabilities(),
                decided, confident, false, false);
    }

    /**
     * One row of a predictions file.
     *
     * @param caseId case identifier, matching the cohort file
     * @param diagnosis confirmed subtype
     * @param prediction AI-PAL's probabilities
     */
    public record Row(String caseId, Subtype diagnosis, SubtypePrediction prediction) {
    }

    /**
     * Reads a predictions file.
     *
     * @param file the CSV file
     * @return rows in file order
     * @throws IOException if the file cannot be read or is malformed
     */
    public static List<Row> readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                rows.add(row(record, file));
            }
        }
        return List.copyOf(rows);
    }

    private static Row row(CSVRecord record, Path file) throws IOException {
        try {
            Map<Subtype, Double> probabilities = new EnumMap<>(Subtype.class);
            for (Subtype s : Subtype.values()) {
                probabilities.put(s, Double.parseDouble(record.get("p_" + s.name())));
            }
            return new Row(record.get("case_id"), Subtype.valueOf(record.get("diagnosis")),
                    new SubtypePrediction(probabilities, List.of()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file.getFileName() + " line " + record.getRecordNumber()
                    + ": invalid row", e);
        }
    }
}
