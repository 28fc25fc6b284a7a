package org.leukemia.application.upload;

/** One row cannot be used; the rest of the upload goes on. */
final class RowRejectedException extends RuntimeException {

    private final String column;

    /**
     * @param column the column at fault, or {@code null} when the row as a whole is
     * @param reason why, naming the value
     */
    RowRejectedException(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** @return the column at fault, or {@code null} */
    String column() {
        return column;
    }
}
