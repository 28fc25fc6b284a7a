package org.leukemia.persistence.prediction;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What the patient list is filtered by; every criterion is optional, and all that are given
 * must hold. Built with {@link #builder()}, which refuses contradictory or impossible values
 * with a message for the user ({@link InvalidCriteriaException}).
 *
 * <p>The text matches the <em>beginning</em> of the patient's hospital identifier or of their
 * full name as stored (usually the surname first): a beginning is a range of an index, so it
 * answers in milliseconds among a million rows, where a match anywhere in the text would read
 * every patient. Case and accents are ignored on MySQL and MariaDB (the schema's collation);
 * H2, the quick start's database, compares them exactly.
 *
 * @param text beginning of the identifier or name, trimmed, or null
 * @param subtype the suggested subtype, "ALL", "AML" or "APL", or null
 * @param minConfidence lowest probability of the suggested subtype, in [0, 1], or null
 * @param maxConfidence highest probability of the suggested subtype, in [0, 1], or null
 * @param from first day (UTC) the prediction was made on, or null
 * @param to last day (UTC) the prediction was made on, included, or null
 * @param modelVersion the version number of the model that predicted, or null
 * @param uploadId the upload the predicted panel came from, or null
 * @param diagnosed true for patients with a confirmed diagnosis, false for those without,
 *     null for both
 */
public record PredictionCriteria(String text, String subtype, Double minConfidence,
        Double maxConfidence, LocalDate from, LocalDate to, Integer modelVersion, Long uploadId,
        Boolean diagnosed) implements Serializable {

    /** Longest text searched for: the longest name stored. */
    public static final int MAX_TEXT = 200;
    /** No criteria: every prediction the caller may see. */
    public static final PredictionCriteria NONE = builder().build();

    /** Checks the criteria; see {@link Builder#build()}. */
    public PredictionCriteria {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidCriteriaException("The search text is longer than " + MAX_TEXT
                    + " characters.");
        }
        if (subtype != null) {
            subtype = subtype.strip().toUpperCase(Locale.ROOT);
            if (!Prediction.SUBTYPES.contains(subtype)) {
                throw new InvalidCriteriaException("There is no subtype '" + subtype
                        + "': choose ALL, AML or APL.");
            }
        }
        checkConfidence(minConfidence, "lowest");
        checkConfidence(maxConfidence, "highest");
        if (minConfidence != null && maxConfidence != null && minConfidence > maxConfidence) {
            throw new InvalidCriteriaException("The lowest probability (" + percent(minConfidence)
                    + ") is above the highest (" + percent(maxConfidence) + ").");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidCriteriaException("The first day (" + from
                    + ") is after the last day (" + to + ").");
        }
        if (modelVersion != null && modelVersion < 1) {
            throw new InvalidCriteriaException("Model versions are numbered from 1: "
                    + modelVersion + ".");
        }
        if (uploadId != null && uploadId < 1) {
            throw new InvalidCriteriaException("Uploads are numbered from 1: " + uploadId + ".");
        }
    }

    private static void checkConfidence(Double value, String which) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new InvalidCriteriaException("The " + which + " probability must lie between"
                    + " 0 % and 100 %: " + percent(value) + ".");
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4g %%", fraction * 100);
    }

    /** @return whether no criterion is given */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The text as a LIKE pattern for the beginning of a value, its wildcards escaped with
     * {@value #LIKE_ESCAPE}.
     */
    Optional<String> textPrefixPattern() {
        String e = String.valueOf(LIKE_ESCAPE);
        return Optional.ofNullable(text).map(t -> t.replace(e, e + e).replace("%", e + "%")
                .replace("_", e + "_") + "%");
    }

    /**
     * The escape character of {@link #textPrefixPattern()}; not a backslash, which MySQL
     * would read as an escape within the SQL literal itself.
     */
    static final char LIKE_ESCAPE = '!';

    /** @return a builder without criteria */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects criteria one at a time; {@link #build()} checks them together. */
    public static final class Builder {

        private String text;
        private String subtype;
        private Double minConfidence;
        private Double maxConfidence;
        private LocalDate from;
        private LocalDate to;
        private Integer modelVersion;
        private Long uploadId;
        private Boolean diagnosed;

        private Builder() {
        }

        /** @param value beginning of the identifier or name; blank or null for any */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /** @param value "ALL", "AML" or "APL" in any case; null for any */
        public Builder subtype(String value) {
            this.subtype = value;
            return this;
        }

        /**
         * @param min lowest probability of the suggested subtype, in [0, 1], or null
         * @param max highest probability, in [0, 1], or null
         */
        public Builder confidence(Double min, Double max) {
            this.minConfidence = min;
            this.maxConfidence = max;
            return this;
        }

        /**
         * @param first first day (UTC), or null
         * @param last last day, included, or null
         */
        public Builder predictedBetween(LocalDate first, LocalDate last) {
            this.from = first;
            this.to = last;
            return this;
        }

        /** @param version version number of the model, or null for any */
        public Builder modelVersion(Integer version) {
            this.modelVersion = version;
            return this;
        }

        /** @param id the upload's id, or null for any */
        public Builder upload(Long id) {
            this.uploadId = id;
            return this;
        }

        /** @param value true: with a confirmed diagnosis; false: without; null: both */
        public Builder diagnosed(Boolean value) {
            this.diagnosed = value;
            return this;
        }

        /**
         * @return the criteria
         * @throws InvalidCriteriaException for an unknown subtype, a probability outside
         *     [0, 1], a lowest probability above the highest, a first day after the last, a
         *     model version or upload below 1, or a text over {@value #MAX_TEXT} characters
         */
        public PredictionCriteria build() {
            return new PredictionCriteria(text, subtype, minConfidence, maxConfidence, from, to,
                    modelVersion, uploadId, diagnosed);
        }
    }
}
