package org.leukemia.ml.synthetic;

import java.util.Arrays;
import java.util.Objects;

/**
 * Aggregate statistics of one subtype in a reference cohort, for the features of the
 * enclosing {@link ReferenceStatistics}, in the same order.
 *
 * @param prevalence share of the cohort with this subtype
 * @param missingRates per feature, share of patients without a value
 * @param quantiles per feature, the quantiles at {@link ReferenceStatistics#probabilities()}
 * @param spearman Spearman rank correlation between features (pairwise complete cases)
 */
public record ClassStatistics(double prevalence, double[] missingRates, double[][] quantiles,
        double[][] spearman) {

    /**
     * Validates the components and copies mutable ones.
     *
     * @param prevalence share of the cohort with this subtype
     * @param missingRates per feature, share of patients without a value
     * @param quantiles per feature, the quantiles at {@link ReferenceStatistics#probabilities()}
     * @param spearman Spearman rank correlation between features (pairwise complete cases)
     * @throws IllegalArgumentException if a component is out of range
     */
    public ClassStatistics {
        if (!(prevalence >= 0 && prevalence <= 1)) {
            throw new IllegalArgumentException("prevalence must be in [0, 1]");
        }
        int features = Objects.requireNonNull(missingRates, "missingRates").length;
        missingRates = missingRates.clone();
        quantiles = deepCopy(Objects.requireNonNull(quantiles, "quantiles"));
        spearman = deepCopy(Objects.requireNonNull(spearman, "spearman"));
        if (quantiles.length != features || spearman.length != features) {
            throw new IllegalArgumentException("statistics disagree on the number of features");
        }
        for (int j = 0; j < features; j++) {
            if (spearman[j].length != features) {
                throw new IllegalArgumentException("correlation matrix must be square");
            }
            if (!(missingRates[j] >= 0 && missingRates[j] <= 1)) {
                throw new IllegalArgumentException("missing rate must be in [0, 1]");
            }
        }
    }

    /**
     * Returns the quantiles of one feature.
     *
     * @param feature feature index
     * @return a copy of the quantiles
     */
    public double[] quantilesOf(int feature) {
        return quantiles[feature].clone();
    }

    /**
     * Returns the missing rates.
     *
     * @return a copy, one rate per feature
     */
    @Override
    public double[] missingRates() {
        return missingRates.clone();
    }

    /**
     * Returns the quantiles.
     *
     * @return a copy, one row of quantiles per feature
     */
    @Override
    public double[][] quantiles() {
        return deepCopy(quantiles);
    }

    /**
     * Returns the Spearman correlations.
     *
     * @return a copy of the matrix
     */
    @Override
    public double[][] spearman() {
        return deepCopy(spearman);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassStatistics that && prevalence == that.prevalence
                && Arrays.equals(missingRates, that.missingRates)
                && Arrays.deepEquals(quantiles, that.quantiles)
                && Arrays.deepEquals(spearman, that.spearman);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prevalence, Arrays.hashCode(missingRates),
                Arrays.deepHashCode(quantiles), Arrays.deepHashCode(spearman));
    }

    @Override
    public String toString() {
        return "ClassStatistics[prevalence=" + prevalence + ", features=" + missingRates.length
                + "]";
    }

    static double[][] deepCopy(double[][] matrix) {
        return Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
    }
}
