package org.leukemia.ml.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Out-of-fold figures of one candidate design in the cross-validation inside the training
 * data (each after its own calibration and decision rule).
 *
 * @param candidate readable name of the design
 * @param settings hyperparameters and design choices by name
 * @param macroAuc out-of-fold macro one-versus-rest AUC
 * @param balancedAccuracy out-of-fold balanced accuracy of the decision
 * @param accuracy out-of-fold accuracy of the decision
 * @param logLoss out-of-fold log loss of the calibrated probabilities
 * @param brier out-of-fold multi-class Brier score of the calibrated probabilities
 * @param chosen whether this design was selected
 */
public record CvResult(String candidate, Map<String, String> settings, double macroAuc,
        double balancedAccuracy, double accuracy, double logLoss, double brier,
        boolean chosen) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param candidate readable name of the design
     * @param settings hyperparameters and design choices by name
     * @param macroAuc out-of-fold macro AUC
     * @param balancedAccuracy out-of-fold balanced accuracy
     * @param accuracy out-of-fold accuracy
     * @param logLoss out-of-fold log loss
     * @param brier out-of-fold Brier score
     * @param chosen whether this design was selected
     */
    public CvResult {
        Objects.requireNonNull(candidate, "candidate");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * Selection score: macro AUC plus balanced accuracy (both targets weigh equally).
     *
     * @return the score, higher is better
     */
    public double score() {
        return macroAuc + balancedAccuracy;
    }

    /**
     * Returns a copy marked as chosen.
     *
     * @return chosen copy
     */
    public CvResult asChosen() {
        return new CvResult(candidate, settings, macroAuc, balancedAccuracy, accuracy, logLoss,
                brier, true);
    }
}
