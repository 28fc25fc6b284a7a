package org.leukemia.ml.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.Subtype;

/**
 * One labelled patient as scored by some model (ours or a comparison file).
 *
 * @param caseId case identifier
 * @param centre centre (cohort) the patient comes from
 * @param truth confirmed subtype
 * @param probabilities probability per subtype
 * @param decision subtype the model proposes
 * @param confident whether the prediction is inside the model's confident zone
 * @param outOfDistribution whether the model flagged the input as unlike its training data
 * @param withheld whether the model withheld its suggestion (always flagged as well); the
 *     decision is then the one it would have made, counted as such in every figure
 */
public record ScoredCase(String caseId, String centre, Subtype truth,
        Map<Subtype, Double> probabilities, Subtype decision, boolean confident,
        boolean outOfDistribution, boolean withheld) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param caseId case identifier
     * @param centre centre (cohort) the patient comes from
     * @param truth confirmed subtype
     * @param probabilities probability per subtype
     * @param decision subtype the model proposes
     * @param confident whether the prediction is inside the model's confident zone
     * @param outOfDistribution whether the model flagged the input as unlike its training data
     * @param withheld whether the model withheld its suggestion
     */
    public ScoredCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(decision, "decision");
        probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
    }

    /**
     * Returns the probabilities in {@link Subtype} order.
     *
     * @return probability row
     */
    public double[] row() {
        double[] row = new double[Subtype.values().length];
        for (Subtype s : Subtype.values()) {
            row[s.ordinal()] = probabilities.getOrDefault(s, 0.0);
        }
        return row;
    }
}
