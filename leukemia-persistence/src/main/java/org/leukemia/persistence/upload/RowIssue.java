package org.leukemia.persistence.upload;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.leukemia.persistence.Checks;

/**
 * A problem found in one row of an uploaded file, reported back to the doctor.
 *
 * <p>Messages longer than {@value #MAX_MESSAGE} characters are cut (they may quote cell
 * contents), so that a long message never makes an upload fail.
 */
@Embeddable
@Access(AccessType.FIELD)
public class RowIssue {

    /** Longest column name kept. */
    public static final int MAX_COLUMN = 128;
    /** Longest message kept. */
    public static final int MAX_MESSAGE = 1000;

    /** How bad an issue is. */
    public enum Severity {
        /** The row was stored, perhaps after a correction such as a unit conversion. */
        WARNING,
        /** The row was not stored. */
        REJECTED
    }

    @Column(name = "row_no", nullable = false)
    private int rowNumber;

    @Column(name = "column_name", length = MAX_COLUMN)
    private String column;

    @Column(name = "message", nullable = false, length = MAX_MESSAGE)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 16)
    private Severity severity;

    /** For JPA only. */
    protected RowIssue() {
    }

    /**
     * Creates an issue.
     *
     * @param rowNumber row in the file as the user sees it
     * @param column header of the column concerned, or null when the whole row is concerned
     * @param message what is wrong, for the user
     * @param severity whether the row was still stored
     */
    public RowIssue(int rowNumber, String column, String message, Severity severity) {
        this.rowNumber = Checks.notNegative(rowNumber, "rowNumber");
        this.column = Checks.truncate(column, MAX_COLUMN);
        this.message = Checks.truncate(Checks.text(message, "message", Integer.MAX_VALUE),
                MAX_MESSAGE);
        this.severity = Checks.required(severity, "severity");
    }

    public int getRowNumber() {
        return rowNumber;
    }

    /** Header of the column concerned, or null. */
    public String getColumn() {
        return column;
    }

    public String getMessage() {
        return message;
    }

    public Severity getSeverity() {
        return severity;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof RowIssue that
                && rowNumber == that.rowNumber
                && Objects.equals(column, that.column)
                && Objects.equals(message, that.message)
                && severity == that.severity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowNumber, column, message, severity);
    }

    @Override
    public String toString() {
        return severity + " row " + rowNumber + (column == null ? "" : " [" + column + "]")
                + ": " + message;
    }
}
