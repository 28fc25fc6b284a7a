package org.leukemia.application.patient;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionSort;

/**
 * The patient list as it is exported: the lines the filters select, in the order chosen, with
 * what a reader of the file needs to know about them.
 *
 * @param scope whose patients: a doctor's, or every doctor's for an auditor
 * @param filters the filters in words, or "none"
 * @param order the order in words
 * @param generatedAt when the list was read (UTC)
 * @param generatedBy who exported it
 * @param rows the lines, at most {@link PatientQueryService#COUNT_LIMIT}
 * @param more whether more lines matched than {@code rows} holds
 */
public record PatientListing(String scope, String filters, String order,
        LocalDateTime generatedAt, String generatedBy, List<PredictionSummary> rows,
        boolean more) {

    /** The title of every exported list. */
    public static final String TITLE = "Patient list: the model's suggestions";
    /** Printed at the top of every exported list. */
    public static final String DISCLAIMER = "Each line is a model's suggestion from routine"
            + " laboratory values. It supports a diagnosis and never replaces one: the subtype"
            + " must be confirmed by cytology, flow cytometry and molecular tests.";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** @param rows copied */
    public PatientListing {
        rows = List.copyOf(rows);
    }

    /** @return when the list was read, as the files print it */
    public String generatedAtText() {
        return TIME.format(generatedAt) + " UTC";
    }

    /** @return how many lines, and whether more matched, in words */
    public String countText() {
        return more ? String.format(Locale.ROOT, "The first %,d lines: more matched the"
                + " filters; refine them to export the others.", rows.size())
                : String.format(Locale.ROOT, "%,d %s", rows.size(),
                        rows.size() == 1 ? "line" : "lines");
    }

    /** @return a prediction's time as the files print it */
    static String time(LocalDateTime at) {
        return TIME.format(at);
    }

    /** @return the filters of {@code criteria} in words, or "none" */
    static String describe(PredictionCriteria criteria) {
        List<String> parts = new ArrayList<>();
        if (criteria.text() != null) {
            parts.add("identifier or name begins with '" + criteria.text() + "'");
        }
        if (criteria.subtype() != null) {
            parts.add("suggested subtype " + criteria.subtype());
        }
        if (criteria.minConfidence() != null || criteria.maxConfidence() != null) {
            parts.add("probability " + percent(criteria.minConfidence(), "0 %") + " to "
                    + percent(criteria.maxConfidence(), "100 %"));
        }
        if (criteria.from() != null || criteria.to() != null) {
            parts.add("predicted " + (criteria.from() == null ? "up to " + criteria.to()
                    : criteria.to() == null ? "from " + criteria.from()
                    : "from " + criteria.from() + " to " + criteria.to()) + " (UTC)");
        }
        if (criteria.modelVersion() != null) {
            parts.add("model version " + criteria.modelVersion());
        }
        if (criteria.uploadId() != null) {
            parts.add("upload " + criteria.uploadId());
        }
        if (criteria.diagnosed() != null) {
            parts.add(criteria.diagnosed() ? "with a confirmed diagnosis"
                    : "without a confirmed diagnosis");
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** @return the order of {@code sort} in words */
    static String describe(PredictionSort sort) {
        boolean up = sort.ascending();
        return switch (sort.column()) {
            case PREDICTED_AT -> up ? "oldest prediction first" : "newest prediction first";
            case CONFIDENCE -> up ? "lowest probability first" : "highest probability first";
            case SUBTYPE -> "suggested subtype, " + (up ? "ALL to APL" : "APL to ALL");
            case PATIENT -> "patient identifier, " + (up ? "A to Z" : "Z to A");
        };
    }

    private static String percent(Double fraction, String otherwise) {
        return fraction == null ? otherwise
                : String.format(Locale.ROOT, "%.4g %%", fraction * 100).replaceFirst(
                        "\\.?0+ %", " %");
    }
}
