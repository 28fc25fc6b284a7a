package org.leukemia.application.analytics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.leukemia.persistence.analytics.AgreementCount;
import org.leukemia.persistence.patient.Diagnosis;

/**
 * How the model's suggestions agree with the diagnoses confirmed in this hospital: the
 * confusion matrix, the accuracy over the confirmed cases with its 95 % Wilson interval, and
 * each subtype's recall.
 *
 * <p>A diagnosis of {@link Diagnosis#OTHER} always counts as a miss: the model only ever
 * suggests ALL, AML or APL.
 *
 * @param rows one row per confirmed diagnosis (ALL, AML, APL, OTHER), with the subtypes
 *     suggested for those patients
 * @param confirmed how many patients with a confirmed diagnosis are counted (n)
 * @param correct how many of them the suggestion matched
 * @param accuracy correct / confirmed, or null when no case is confirmed
 * @param accuracyLow lower end of the 95 % Wilson interval of the accuracy, or null
 * @param accuracyHigh upper end of that interval, or null
 */
public record Agreement(List<Row> rows, long confirmed, long correct, Double accuracy,
        Double accuracyLow, Double accuracyHigh) {

    /** Confidence level of the accuracy's interval. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /**
     * One row of the confusion matrix.
     *
     * @param diagnosis the confirmed diagnosis
     * @param predicted how many of these patients had each subtype suggested
     * @param recall the share suggested correctly, or null for OTHER (never right) and for a
     *     diagnosis without cases
     */
    public record Row(String diagnosis, SubtypeCounts predicted, Double recall) {
    }

    /**
     * Builds the figures from the cells of the matrix.
     *
     * @param cells the patients counted per confirmed diagnosis and suggested subtype
     */
    public static Agreement of(List<AgreementCount> cells) {
        Map<Diagnosis, Map<String, Long>> matrix = new EnumMap<>(Diagnosis.class);
        cells.forEach(c -> matrix.computeIfAbsent(c.diagnosis(), d -> new HashMap<>())
                .merge(c.predicted(), c.patients(), Long::sum));

        List<Row> rows = new ArrayList<>();
        long confirmed = 0;
        long correct = 0;
        for (Diagnosis diagnosis : Diagnosis.values()) {
            SubtypeCounts predicted = SubtypeCounts.of(matrix.getOrDefault(diagnosis, Map.of()));
            boolean suggestible = diagnosis != Diagnosis.OTHER;
            long right = suggestible ? predicted.of(diagnosis.name()) : 0;
            rows.add(new Row(diagnosis.name(), predicted, suggestible && predicted.total() > 0
                    ? (double) right / predicted.total() : null));
            confirmed += predicted.total();
            correct += right;
        }

        if (confirmed == 0) {
            return new Agreement(rows, 0, 0, null, null, null);
        }
        ConfidenceInterval interval = new WilsonScoreInterval().createInterval(
                Math.toIntExact(confirmed), Math.toIntExact(correct), CONFIDENCE_LEVEL);
        return new Agreement(List.copyOf(rows), confirmed, correct,
                (double) correct / confirmed, Math.max(0, interval.getLowerBound()),
                Math.min(1, interval.getUpperBound()));
    }
}
