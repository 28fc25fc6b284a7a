package org.leukemia.ml;

import java.util.List;
import java.util.Objects;

/**
 * Result of {@link Normaliser#normalise}: canonical values, one note per change made to a
 * value given, and one per value computed from others.
 *
 * <p>The two kinds of note are kept apart because they mean different things to the doctor:
 * a change (a unit converted, a value set aside) is a warning about the data as sent; a value
 * derived the way a haematologist would derive it (a percentage from its count and the WBC)
 * changes nothing that was sent.
 *
 * @param values canonical values
 * @param notes human-readable description of each conversion or rejection
 * @param derivations human-readable description of each value computed from others
 */
public record NormalisedValues(LabValues values, List<String> notes, List<String> derivations) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @throws NullPointerException if a component is null
     */
    public NormalisedValues {
        Objects.requireNonNull(values, "values");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        derivations = List.copyOf(Objects.requireNonNull(derivations, "derivations"));
    }

    /**
     * Values with notes of changes and no derived value.
     *
     * @param values canonical values
     * @param notes human-readable description of each conversion or rejection
     */
    public NormalisedValues(LabValues values, List<String> notes) {
        this(values, notes, List.of());
    }

    /** @return the notes of changes, then those of derived values */
    public List<String> allNotes() {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(derivations);
        return all;
    }
}
