package org.leukemia.application.upload;

import java.util.List;
import org.leukemia.persistence.prediction.Prediction;

/**
 * What became of one row of an upload.
 *
 * @param rowNumber the row number as the spreadsheet shows it
 * @param patientId the patient identifier read from the row, or {@code null} if none
 * @param status stored, stored with warnings, or rejected
 * @param predictedSubtype the suggested subtype of a stored row; {@code null} for a rejected
 *     row and when the suggestion is withheld
 * @param confidence the probability of that subtype, else {@code null}
 * @param withheld whether the row was stored without a suggestion, as it rests on results that
 *     were not measured (the message says which)
 * @param message the warnings or the reason for rejection, naming column and value; may be empty
 */
public record RowOutcome(int rowNumber, String patientId, Status status, String predictedSubtype,
        Double confidence, boolean withheld, String message) {

    /**
     * A row that was stored, with its prediction.
     *
     * @param rowNumber the row number as the spreadsheet shows it
     * @param patientId the patient identifier
     * @param prediction the stored prediction
     * @param warnings the row's warnings, possibly empty
     * @return the outcome; a withheld suggestion is given without subtype and probability
     */
    public static RowOutcome stored(int rowNumber, String patientId, Prediction prediction,
            List<String> warnings) {
        boolean withheld = prediction.getAssessment().isWithheld();
        return new RowOutcome(rowNumber, patientId,
                warnings.isEmpty() ? Status.STORED : Status.STORED_WITH_WARNINGS,
                withheld ? null : prediction.getPredictedSubtype(),
                withheld ? null : prediction.getConfidence(), withheld, sentences(warnings));
    }

    /** Messages one after the other, each ending as a sentence does. */
    static String sentences(List<String> messages) {
        return String.join(" ", messages.stream().map(String::strip).filter(m -> !m.isEmpty())
                .map(m -> m.matches("(?s).*[.!?]\\)?") ? m : m + ".").toList());
    }

    /**
     * A row that was not stored.
     *
     * @param rowNumber the row number as the spreadsheet shows it
     * @param patientId the patient identifier read from the row, or {@code null}
     * @param reason why, naming column and value
     * @return the outcome
     */
    public static RowOutcome rejected(int rowNumber, String patientId, String reason) {
        return new RowOutcome(rowNumber, patientId, Status.REJECTED, null, null, false, reason);
    }

    /** The fate of a row. */
    public enum Status {
        STORED("stored"),
        STORED_WITH_WARNINGS("stored with warnings"),
        REJECTED("rejected");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** @return the status in words, for pages and reports */
        public String label() {
            return label;
        }
    }
}
