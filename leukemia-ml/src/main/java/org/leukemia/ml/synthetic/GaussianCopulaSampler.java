package org.leukemia.ml.synthetic;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Draws correlated feature vectors for one subtype with a Gaussian copula.
 *
 * <p>The Spearman correlations are turned into the normal-scale correlation
 * {@code 2·sin(π·ρ/6)}, repaired to the nearest positive-definite correlation matrix by
 * clipping eigenvalues when needed, and factorised. A draw is a correlated standard normal
 * vector, mapped to uniforms by the normal CDF and then to values by each feature's
 * interpolated quantile function. Each feature is then missing independently with its
 * missing rate. Not thread-safe: the caller owns the random source.
 */
public final class GaussianCopulaSampler {

    /** Smallest eigenvalue kept when repairing a correlation matrix. */
    static final double MIN_EIGENVALUE = 1e-4;

    private final RealMatrix cholesky;
    private final QuantileFunction[] marginals;
    private final double[] missingRates;
    private final NormalDistribution normal = new NormalDistribution(null, 0, 1);

    /**
     * Prepares sampling of one subtype.
     *
     * @param statistics the subtype's statistics
     * @param probabilities the quantile grid of the statistics
     */
    public GaussianCopulaSampler(ClassStatistics statistics, double[] probabilities) {
        RealMatrix correlation = nearestCorrelation(normalScale(statistics.spearman()));
        this.cholesky = new CholeskyDecomposition(correlation, 1e-6, 1e-12).getL();
        this.missingRates = statistics.missingRates();
        int k = missingRates.length;
        this.marginals = new QuantileFunction[k];
        for (int j = 0; j < k; j++) {
            marginals[j] = new QuantileFunction(probabilities, statistics.quantilesOf(j));
        }
    }

    /**
     * Draws one patient.
     *
     * @param random the random source
     * @return feature values in statistics order; NaN marks a missing value
     */
    public double[] draw(Random random) {
        int k = marginals.length;
        double[] independent = new double[k];
        for (int j = 0; j < k; j++) {
            independent[j] = random.nextGaussian();
        }
        double[] correlated = cholesky.operate(independent);
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            double u = normal.cumulativeProbability(correlated[j]);
            boolean missing = random.nextDouble() < missingRates[j];
            values[j] = missing ? Double.NaN : marginals[j].valueAt(u);
        }
        return values;
    }

    /**
     * Converts Spearman correlations to correlations of the underlying normal variables.
     *
     * @param spearman Spearman matrix
     * @return {@code 2·sin(π·ρ/6)} element-wise, with a unit diagonal
     */
    static double[][] normalScale(double[][] spearman) {
        int k = spearman.length;
        double[][] r = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                r[i][j] = i == j ? 1.0 : 2.0 * Math.sin(Math.PI * spearman[i][j] / 6.0);
            }
        }
        return r;
    }

    /**
     * Clips eigenvalues below {@link #MIN_EIGENVALUE} and rescales to a unit diagonal.
     *
     * @param matrix symmetric matrix with a unit diagonal
     * @return a positive-definite correlation matrix
     */
    static RealMatrix nearestCorrelation(double[][] matrix) {
        RealMatrix m = MatrixUtils.createRealMatrix(matrix);
        EigenDecomposition eigen = new EigenDecomposition(m);
        double[] eigenvalues = eigen.getRealEigenvalues();
        boolean positiveDefinite = true;
        for (int i = 0; i < eigenvalues.length; i++) {
            if (eigenvalues[i] < MIN_EIGENVALUE) {
                eigenvalues[i] = MIN_EIGENVALUE;
                positiveDefinite = false;
            }
        }
        if (positiveDefinite) {
            return m;
        }
        RealMatrix repaired = eigen.getV()
                .multiply(MatrixUtils.createRealDiagonalMatrix(eigenvalues))
                .multiply(eigen.getVT());
        int k = matrix.length;
        RealMatrix scaled = MatrixUtils.createRealMatrix(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double scale = Math.sqrt(repaired.getEntry(i, i) * repaired.getEntry(j, j));
                scaled.setEntry(i, j, i == j ? 1.0 : repaired.getEntry(i, j) / scale);
            }
        }
        return scaled;
    }
}
