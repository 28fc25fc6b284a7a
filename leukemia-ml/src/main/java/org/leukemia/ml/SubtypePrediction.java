package org.leukemia.ml;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Class probabilities of one prediction, with notes for the clinician (for example which
 * results were missing), the model's proposed subtype, whether the prediction lies in the
 * model's confident zone, whether the input is unlike the training data, whether the
 * suggestion is withheld, and the contribution of each parameter. It supports a diagnosis; it
 * never replaces one.
 *
 * @param probabilities calibrated probability per subtype; every subtype is present and the
 *     sum is 1
 * @param notes human-readable remarks about the inputs and the model, possibly empty
 * @param decision subtype proposed by the model's decision rule (see its model card); the
 *     most probable subtype unless the model weighs rare subtypes up
 * @param confident whether the proposed subtype's probability reaches the model's cut-off,
 *     chosen on training data for a positive predictive value of at least 99 %
 * @param outOfDistribution whether the input is unlike anything in the training data, or
 *     the model is unsure of the subtype (see the reasons); the prediction is then less
 *     trustworthy
 * @param withheld whether the model makes no suggestion for this input, because it rests on
 *     results that were not measured (too few values, or a subtype that changes when the
 *     missing results take typical values) or on a value far beyond anything seen in
 *     training ({@link org.leukemia.ml.training.DistributionGuard#farBeyondTraining}). The
 *     probabilities are then the model's output from those results, not a measure of how
 *     likely each subtype is, and must not be shown as one; a withheld prediction is always
 *     flagged and never confident
 * @param outOfDistributionReasons one human-readable reason per finding, empty when not
 *     flagged
 * @param contributions per parameter, its additive contribution to each subtype's
 *     calibrated log-odds (TreeSHAP); empty when the model gives none
 */
public record SubtypePrediction(Map<Subtype, Double> probabilities, List<String> notes,
        Subtype decision, boolean confident, boolean outOfDistribution, boolean withheld,
        List<String> outOfDistributionReasons,
        Map<Parameter, Map<Subtype, Double>> contributions) {

    private static final double SUM_TOLERANCE = 1e-3;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param probabilities probability per subtype; every subtype is present and the sum is 1
     * @param notes human-readable remarks about the inputs and the model, possibly empty
     * @param decision subtype proposed by the model; null means the most probable
     * @param confident whether the prediction is in the confident zone
     * @param outOfDistribution whether the input is unlike the training data
     * @param withheld whether the model makes no suggestion (it rests on missing results)
     * @param outOfDistributionReasons reasons for the flag
     * @param contributions contribution per parameter and subtype
     * @throws IllegalArgumentException if a component is out of range, or a withheld
     *     prediction is confident or not flagged
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
        if (decision == null) {
            decision = mostProbable(probabilities);
        }
        if (withheld && (confident || !outOfDistribution)) {
            throw new IllegalArgumentException(
                    "a withheld suggestion is flagged and never confident");
        }
        outOfDistributionReasons = List.copyOf(
                Objects.requireNonNull(outOfDistributionReasons, "outOfDistributionReasons"));
        EnumMap<Parameter, Map<Subtype, Double>> contrib = new EnumMap<>(Parameter.class);
        Objects.requireNonNull(contributions, "contributions").forEach((p, m) -> contrib.put(p,
                Collections.unmodifiableMap(new EnumMap<>(m))));
        contributions = Collections.unmodifiableMap(contrib);
    }

    /**
     * Creates a prediction with probabilities and notes only: the decision is the most
     * probable subtype, not confident, not flagged, not withheld, without contributions.
     *
     * @param probabilities probability per subtype; every subtype is present and the sum is 1
     * @param notes human-readable remarks, possibly empty
     */
    public SubtypePrediction(Map<Subtype, Double> probabilities, List<String> notes) {
        this(probabilities, notes, null, false, false, false, List.of(), Map.of());
    }

    private static Subtype mostProbable(Map<Subtype, Double> probabilities) {
        return probabilities.entrySet().stream()
                .max(Comparator.comparingDouble((Map.Entry<Subtype, Double> e) -> e.getValue())
                        .thenComparing(e -> -e.getKey().ordinal()))
                .orElseThrow()
                .getKey();
    }

    /**
     * Returns the subtype the model proposes ({@link #decision()}). For a model without
     * decision weights this is the most probable subtype, ties going to the earlier subtype in
     * declaration order.
     *
     * @return the predicted subtype
     */
    public Subtype predicted() {
        return decision;
    }

    /**
     * Returns the probability of the predicted subtype.
     *
     * @return a value in [0, 1]
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
