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

    /** Validates and copies the components. */
    public NormalisedValues {
        Objects.requireNonNull(values, "values");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }
}
