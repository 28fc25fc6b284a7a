package org.leukemia.ml.synthetic;

/**
 * Inverse cumulative distribution interpolated linearly between stored quantiles. Below the
 * first and above the last probability it stays at the first and last quantile, so no value
 * outside the stored range is ever produced.
 */
public final class QuantileFunction {

    private final double[] probabilities;
    private final double[] quantiles;

    /**
     * Creates the function.
     *
     * @param probabilities strictly increasing probabilities
     * @param quantiles non-decreasing quantiles, one per probability
     * @throws IllegalArgumentException if the arrays differ in length, are empty or the
     *     quantiles decrease
     */
    public QuantileFunction(double[] probabilities, double[] quantiles) {
        if (probabilities.length == 0 || probabilities.length != quantiles.length) {
            throw new IllegalArgumentException("one quantile per probability needed");
        }
        for (int i = 1; i < quantiles.length; i++) {
            if (quantiles[i] < quantiles[i - 1] || probabilities[i] <= probabilities[i - 1]) {
                throw new IllegalArgumentException("quantiles must not decrease");
            }
        }
        this.probabilities = probabilities.clone();
        this.quantiles = quantiles.clone();
    }

    /**
     * Returns the value at a cumulative probability.
     *
     * @param u probability in [0, 1]
     * @return the interpolated quantile
     */
    public double valueAt(double u) {
        int last = probabilities.length - 1;
        if (u <= probabilities[0]) {
            return quantiles[0];
        }
        if (u >= probabilities[last]) {
            return quantiles[last];
        }
        int upper = 1;
        while (probabilities[upper] < u) {
            upper++;
        }
        int lower = upper - 1;
        double t = (u - probabilities[lower]) / (probabilities[upper] - probabilities[lower]);
        return quantiles[lower] + t * (quantiles[upper] - quantiles[lower]);
    }
}
