package org.leukemia.web.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.leukemia.persistence.prediction.InvalidCriteriaException;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionSort;

/**
 * The filters and order of the patient list as query parameters, the same for a page of it
 * and for its export. A parameter that cannot be read or met is refused with 400 and the
 * reason.
 */
public class ListParameters {

    /** Beginning of the patient's identifier or name. */
    @QueryParam("q")
    String q;
    /** Suggested subtype: ALL, AML or APL. */
    @QueryParam("subtype")
    String subtype;
    /** Lowest probability of the suggested subtype, 0 to 1. */
    @QueryParam("minConfidence")
    String minConfidence;
    /** Highest probability, 0 to 1. */
    @QueryParam("maxConfidence")
    String maxConfidence;
    /** First day of prediction (UTC), yyyy-MM-dd. */
    @QueryParam("from")
    String from;
    /** Last day of prediction, included. */
    @QueryParam("to")
    String to;
    /** Version number of the model that predicted. */
    @QueryParam("model")
    String model;
    /** Id of the upload the panel came from. */
    @QueryParam("upload")
    String upload;
    /** true: with a confirmed diagnosis; false: without. */
    @QueryParam("diagnosed")
    String diagnosed;
    /** time, confidence, subtype or patient (default time). */
    @QueryParam("sort")
    String sort;
    /** asc or desc (default desc). */
    @QueryParam("order")
    String order;

    /** @return the filters as criteria */
    PredictionCriteria criteria() {
        try {
            return PredictionCriteria.builder()
                    .text(q)
                    .subtype(subtype)
                    .confidence(parse("minConfidence", minConfidence, Double::valueOf, null),
                            parse("maxConfidence", maxConfidence, Double::valueOf, null))
                    .predictedBetween(parse("from", from, LocalDate::parse, null),
                            parse("to", to, LocalDate::parse, null))
                    .modelVersion(parse("model", model, Integer::valueOf, null))
                    .upload(parse("upload", upload, Long::valueOf, null))
                    .diagnosed(parse("diagnosed", diagnosed, ListParameters::yesOrNo, null))
                    .build();
        } catch (InvalidCriteriaException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** @return the order asked for; newest first by default */
    PredictionSort sort() {
        PredictionSort.Column column = switch (sort == null ? "time"
                : sort.strip().toLowerCase(Locale.ROOT)) {
            case "time" -> PredictionSort.Column.PREDICTED_AT;
            case "confidence" -> PredictionSort.Column.CONFIDENCE;
            case "subtype" -> PredictionSort.Column.SUBTYPE;
            case "patient" -> PredictionSort.Column.PATIENT;
            default -> throw new BadRequestException("sort is time, confidence, subtype or"
                    + " patient: " + sort + ".");
        };
        boolean ascending = switch (order == null ? "desc"
                : order.strip().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new BadRequestException("order is asc or desc: " + order + ".");
        };
        return new PredictionSort(column, ascending);
    }

    private static Boolean yesOrNo(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /**
     * Reads one parameter.
     *
     * @param absent the value when the parameter is missing or blank
     * @throws BadRequestException when it cannot be read, naming it
     */
    static <T> T parse(String name, String value, Function<String, T> reader, T absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return reader.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException("The parameter " + name + " cannot be read: '"
                    + value + "'" + (name.equals("from") || name.equals("to")
                            ? " (a day is written yyyy-MM-dd)." : "."));
        }
    }
}
