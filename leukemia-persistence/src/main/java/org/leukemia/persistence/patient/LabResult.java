package org.leukemia.persistence.patient;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.leukemia.persistence.Checks;

/**
 * One measured value of a lab panel, such as {@code wbc = 12.3 10^9/L}.
 *
 * <p>The parameter is a stable lowercase key; which keys exist is decided by the ML module,
 * not here. The value is finite. The unit is the one the value is expressed in after any
 * normalisation, or null for unitless values. Beside it, the value as it stood in the file
 * (its text, a censored "&lt;0.5" with its sign) and the unit the file gave it, if any; both
 * are null for a value computed from others and for results stored before they were kept.
 *
 * <p>An entity of its own (keyed by its panel and parameter) rather than an element collection
 * of the panel, so that an upload writes all its panels in one batch and all their results in
 * another, instead of two statements per panel.
 */
@Entity
@Table(name = "lab_result")
@IdClass(LabResult.Key.class)
@Access(AccessType.FIELD)
public class LabResult {

    /** Longest parameter key accepted. */
    public static final int MAX_PARAMETER = 64;
    /** Longest unit accepted. */
    public static final int MAX_UNIT = 32;
    /** Longest text of a value as received kept; longer texts are cut. */
    public static final int MAX_RECEIVED_VALUE = 64;

    @Id
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "panel_id", nullable = false, updatable = false)
    private LabPanel panel;

    @Id
    @Column(name = "parameter", nullable = false, length = MAX_PARAMETER)
    private String parameter;

    @Column(name = "result_value", nullable = false)
    private double value;

    @Column(name = "unit", length = MAX_UNIT)
    private String unit;

    @Column(name = "received_value", length = MAX_RECEIVED_VALUE, updatable = false)
    private String receivedValue;

    @Column(name = "received_unit", length = MAX_UNIT, updatable = false)
    private String receivedUnit;

    /** For JPA only. */
    protected LabResult() {
    }

    /**
     * Creates a result.
     *
     * @param parameter key such as "wbc"; trimmed and lower-cased
     * @param value the measured value, finite
     * @param unit unit of {@code value}, or null when unitless
     */
    public LabResult(String parameter, double value, String unit) {
        this(parameter, value, unit, null, null);
    }

    /**
     * Creates a result, with the value as the file gave it.
     *
     * @param parameter key such as "wbc"; trimmed and lower-cased
     * @param value the value in the canonical unit, finite
     * @param unit unit of {@code value}, or null when unitless
     * @param receivedValue the value's text as received ("4500", "&lt;0.5", "12,3 H"), or
     *     null when it was computed; cut to {@value #MAX_RECEIVED_VALUE} characters
     * @param receivedUnit the unit the file gave, in the header or the cell, or null; cut to
     *     {@value #MAX_UNIT} characters
     */
    public LabResult(String parameter, double value, String unit, String receivedValue,
            String receivedUnit) {
        this.parameter = Checks.text(parameter, "parameter", MAX_PARAMETER)
                .strip().toLowerCase(Locale.ROOT);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "value of " + this.parameter + " must be finite: " + value);
        }
        this.value = value;
        this.unit = Checks.maxLength(unit, "unit", MAX_UNIT);
        this.receivedValue = Checks.truncate(blankToNull(receivedValue), MAX_RECEIVED_VALUE);
        this.receivedUnit = Checks.truncate(blankToNull(receivedUnit), MAX_UNIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Attaches the result to the panel it belongs to; called once, by the panel. */
    void attachTo(LabPanel owner) {
        if (panel != null && panel != owner) {
            throw new IllegalStateException(parameter + " already belongs to another panel");
        }
        panel = owner;
    }

    public String getParameter() {
        return parameter;
    }

    public double getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    /** The value's text as received, or null when computed or not kept. */
    public String getReceivedValue() {
        return receivedValue;
    }

    /** The unit the file gave the value, or null when it gave none. */
    public String getReceivedUnit() {
        return receivedUnit;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LabResult that
                && parameter.equals(that.parameter)
                && Double.compare(value, that.value) == 0
                && Objects.equals(unit, that.unit)
                && Objects.equals(receivedValue, that.receivedValue)
                && Objects.equals(receivedUnit, that.receivedUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, value, unit, receivedValue, receivedUnit);
    }

    @Override
    public String toString() {
        return parameter + "=" + value + (unit == null ? "" : " " + unit);
    }

    /** The primary key: the panel's id and the parameter. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long panel;
        private String parameter;

        /** For JPA only. */
        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && Objects.equals(panel, that.panel)
                    && Objects.equals(parameter, that.parameter);
        }

        @Override
        public int hashCode() {
            return Objects.hash(panel, parameter);
        }
    }
}
