package org.leukemia.ml.training;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns averaged ensemble margins into calibrated probabilities, and probabilities into a
 * decision. Calibrated log-odds are {@code margin / temperature + bias}, then a softmax; the
 * temperature and the per-class bias are fitted on out-of-fold margins by minimising the log
 * loss (the bias also undoes any prior shift from class weights). The decision is the
 * subtype maximising {@code probability * decisionWeight}; weights of 1 give the most
 * probable subtype. Probabilities are therefore never distorted to move the decision.
 *
 * @param temperature divisor of the margins, positive; 1 is no change
 * @param bias added per class after scaling, in subtype order
 * @param decisionWeights multiplier per class for the decision, in subtype order
 * @param decisionRule name of the decision rule ({@code "most probable"} or
 *     {@code "prevalence-balanced"})
 */
public record Calibration(double temperature, double[] bias, double[] decisionWeights,
        String decisionRule) {

    /** Name of the rule with all decision weights 1. */
    public static final String MOST_PROBABLE = "most probable";
    /** Name of the rule with decision weights inverse to the training prevalence. */
    public static final String BALANCED = "prevalence-balanced";

    /** The lowest temperature the fit tries. */
    public static final double MIN_TEMPERATURE = 0.2;
    /** The highest temperature the fit tries. */
    public static final double MAX_TEMPERATURE = 5.0;
    /** The largest bias, either way, the fit tries. */
    public static final double BIAS_RANGE = 4.0;

    private static final double MIN_LOG_T = Math.log(MIN_TEMPERATURE);
    private static final double MAX_LOG_T = Math.log(MAX_TEMPERATURE);
    private static final int ROUNDS = 6;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param temperature divisor of the margins, positive
     * @param bias added per class after scaling
     * @param decisionWeights multiplier per class for the decision, positive
     * @param decisionRule name of the decision rule
     */
    public Calibration {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive");
        }
        bias = bias.clone();
        decisionWeights = decisionWeights.clone();
        Objects.requireNonNull(decisionRule, "decisionRule");
    }

    /**
     * Returns the identity calibration with the most-probable rule.
     *
     * @param classes number of classes
     * @return calibration that changes nothing
     */
    public static Calibration identity(int classes) {
        double[] ones = new double[classes];
        Arrays.fill(ones, 1.0);
        return new Calibration(1.0, new double[classes], ones, MOST_PROBABLE);
    }

    /**
     * Calibrated log-odds of a margin row.
     *
     * @param margin averaged ensemble margin per class
     * @return calibrated log-odds per class
     */
    public double[] logits(double[] margin) {
        double[] z = new double[margin.length];
        for (int c = 0; c < z.length; c++) {
            z[c] = margin[c] / temperature + bias[c];
        }
        return z;
    }

    /**
     * Calibrated probabilities of a margin row.
     *
     * @param margin averaged ensemble margin per class
     * @return probabilities summing to 1
     */
    public double[] probabilities(double[] margin) {
        return softmax(logits(margin));
    }

    /**
     * Applies the decision rule.
     *
     * @param probabilities calibrated probabilities
     * @return index of the decided class
     */
    public int decide(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] * decisionWeights[c]
                    > probabilities[best] * decisionWeights[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The decision weights of the {@link #BALANCED} rule: each class weighed against its
     * frequency, {@code n / (classes * n_c)}, so that the rule aims at the best balanced
     * accuracy.
     *
     * @param classCounts training cases per class, each at least 1
     * @return decision weight per class
     */
    public static double[] balancedWeights(int[] classCounts) {
        int n = Arrays.stream(classCounts).sum();
        double[] weights = new double[classCounts.length];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = (double) n / (classCounts.length * classCounts[c]);
        }
        return weights;
    }

    /**
     * Returns a copy with another decision rule.
     *
     * @param weights decision weight per class
     * @param rule name of the rule
     * @return the calibration with the new rule
     */
    public Calibration withDecision(double[] weights, String rule) {
        return new Calibration(temperature, bias, weights, rule);
    }

    /**
     * Fits temperature and bias by coordinate-wise golden-section search on the log loss
     * (deterministic). The first class's bias stays 0, since only differences matter.
     *
     * @param margins out-of-fold margins {@code [row][class]}
     * @param truth true class per row
     * @return fitted calibration with the most-probable decision rule
     */
    public static Calibration fit(double[][] margins, int[] truth) {
        int k = margins[0].length;
        double[] params = new double[k]; // [0] = log T, [1..] = bias of classes 1..k-1
        for (int round = 0; round < ROUNDS; round++) {
            for (int j = 0; j < k; j++) {
                final int index = j;
                double lo = j == 0 ? MIN_LOG_T : -BIAS_RANGE;
                double hi = j == 0 ? MAX_LOG_T : BIAS_RANGE;
                params[j] = goldenSection(x -> {
                    double[] trial = params.clone();
                    trial[index] = x;
                    return logLoss(of(trial), margins, truth);
                }, lo, hi);
            }
        }
        return of(params);
    }

    private static Calibration of(double[] params) {
        int k = params.length;
        double[] bias = new double[k];
        System.arraycopy(params, 1, bias, 1, k - 1);
        double[] ones = new double[k];
        Arrays.fill(ones, 1.0);
        return new Calibration(Math.exp(params[0]), bias, ones, MOST_PROBABLE);
    }

    /**
     * Mean log loss of this calibration on margins.
     *
     * @param calibration the calibration
     * @param margins margins {@code [row][class]}
     * @param truth true class per row
     * @return log loss in nats
     */
    public static double logLoss(Calibration calibration, double[][] margins, int[] truth) {
        double sum = 0;
        for (int i = 0; i < margins.length; i++) {
            double[] z = calibration.logits(margins[i]);
            double max = Arrays.stream(z).max().orElseThrow();
            double norm = 0;
            for (double v : z) {
                norm += Math.exp(v - max);
            }
            sum -= z[truth[i]] - max - Math.log(norm);
        }
        return sum / margins.length;
    }

    private static double goldenSection(java.util.function.DoubleUnaryOperator f, double lo,
            double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < 60; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }

    /**
     * Softmax of log-odds.
     *
     * @param z log-odds
     * @return probabilities summing to 1
     */
    public static double[] softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double[] p = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Calibration that && temperature == that.temperature
                && Arrays.equals(bias, that.bias)
                && Arrays.equals(decisionWeights, that.decisionWeights)
                && decisionRule.equals(that.decisionRule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(temperature, Arrays.hashCode(bias), Arrays.hashCode(decisionWeights),
                decisionRule);
    }

    @Override
    public String toString() {
        return "Calibration[temperature=" + temperature + ", bias=" + Arrays.toString(bias)
                + ", decisionWeights=" + Arrays.toString(decisionWeights) + ", rule="
                + decisionRule + "]";
    }
}
