package org.leukemia.ml;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Class probabilities of one prediction, with notes for the clinician (for example which
 * results were missing). It supports a diagnosis; it never replaces one.
 *
 * @param probabilities probability per subtype; every subtype is present and the sum is 1
 * @param notes human-readable remarks about the inputs and the model, possibly empty
 */
public record SubtypePrediction(Map<Subtype, Double> probabilities, List<String> notes) {

    private static final double SUM_TOLERANCE = 1e-3;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param probabilities probability per subtype; every subtype is present and the sum is 1
     * @param notes human-readable remarks about the inputs and the model, possibly empty
     * @throws IllegalArgumentException if a component is out of range
     */
    public SubtypePrediction {
        Objects.requireNonNull(probabilities, "probabilities");
        EnumMap<Subtype, Double> copy = new EnumMap<>(Subtype.class);
        copy.putAll(probabilities);
        double sum = 0;
        for (Subtype s : Subtype.values()) {
            Double p = copy.get(s);
            if (p == null || !(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("invalid probability for " + s + ": " + p);
            }
            sum += p;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities sum to " + sum);
        }
        probabilities = Collections.unmodifiableMap(copy);
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /**
     * Returns the most probable subtype; ties go to the earlier subtype in declaration order.
     *
     * @return the predicted subtype
     */
    public Subtype predicted() {
        return probabilities.entrySet().stream()
                .max(Comparator.comparingDouble((Map.Entry<Subtype, Double> e) -> e.getValue())
                        .thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow()
                .getKey();
    }

    /**
     * Returns the probability of the predicted subtype.
     *
     * @return a value in [1/3, 1]
     */
    public double confidence() {
        return probability(predicted());
    }

    /**
     * Returns the probability of one subtype.
     *
     * @param s the subtype
     * @return its probability
     */
    public double probability(Subtype s) {
        return probabilities.get(Objects.requireNonNull(s, "subtype"));
    }
}
