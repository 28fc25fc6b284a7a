package org.leukemia.application.upload;

/**
 * What became of one row of an upload.
 *
 * @param rowNumber the row number as the spreadsheet shows it
 * @param patientId the patient identifier read from the row, or {@code null} if none
 * @param status stored, stored with warnings, or rejected
 * @param predictedSubtype the predicted subtype of a stored row, else {@code null}
 * @param confidence the probability of that subtype, else {@code null}
 * @param message the warnings or the reason for rejection, naming column and value; may be empty
 */
public record RowOutcome(int rowNumber, String patientId, Status status, String predictedSubtype,
        Double confidence, String message) {

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
