package org.leukemia.ml;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Immutable laboratory values of one patient in canonical units (see {@link Parameter#unit()}).
 *
 * <p>An absent parameter is missing. A present {@code 0.0} is a measured zero (for example no
 * monocytes seen), which is clinical information and is kept distinct from missing all the way
 * to the model.
 */
public final class LabValues {

    private final Map<Parameter, Double> values;

    private LabValues(EnumMap<Parameter, Double> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /**
     * Starts a new set of values.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the value of a parameter.
     *
     * @param p the parameter
     * @return the value in the canonical unit, or empty when missing
     */
    public OptionalDouble get(Parameter p) {
        Double value = values.get(Objects.requireNonNull(p, "parameter"));
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns all present values.
     *
     * @return unmodifiable map ordered by {@link Parameter} declaration order
     */
    public Map<Parameter, Double> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Describes which parameters are present, without their values. */
    @Override
    public String toString() {
        return "LabValues" + values.keySet();
    }

    /** Collects values for an immutable {@link LabValues}. Not thread-safe. */
    public static final class Builder {

        private final EnumMap<Parameter, Double> values = new EnumMap<>(Parameter.class);

        private Builder() {
        }

        /**
         * Sets a value in the canonical unit, replacing any earlier value.
         *
         * @param p the parameter
         * @param value a finite value; use no call at all for a missing value
         * @return this builder
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Builder set(Parameter p, double value) {
            Objects.requireNonNull(p, "parameter");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(p.key() + " must be finite; omit it if missing");
            }
            values.put(p, value);
            return this;
        }

        /**
         * Builds the immutable values.
         *
         * @return the values set so far
         */
        public LabValues build() {
            return new LabValues(values);
        }
    }
}
