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
 * normalisation, or null for unitless values.
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
        this.parameter = Checks.text(parameter, "parameter", MAX_PARAMETER)
                .strip().toLowerCase(Locale.ROOT);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    "value of " + this.parameter + " must be finite: " + value);
        }
        this.value = value;
        this.unit = Checks.maxLength(unit, "unit", MAX_UNIT);
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

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LabResult that
                && parameter.equals(that.parameter)
                && Double.compare(value, that.value) == 0
                && Objects.equals(unit, that.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, value, unit);
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
