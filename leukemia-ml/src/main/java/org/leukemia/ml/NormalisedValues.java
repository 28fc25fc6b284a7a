package org.leukemia.ml;

import java.util.List;
import java.util.Objects;

/**
 * Result of {@link Normaliser#normalise}: canonical values and one note per change made.
 *
 * @param values canonical values
 * @param notes human-readable description of each conversion, derivation or rejection
 */
public record NormalisedValues(LabValues values, List<String> notes) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param values canonical values
     * @param notes human-readable description of each conversion, derivation or rejection
     * @throws NullPointerException if a component is null
     */
    public NormalisedValues {
        Objects.requireNonNull(values, "values");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }
}
