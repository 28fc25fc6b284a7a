package org.leukemia.ml.training;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * A multinomial logistic regression on rank-transformed values, blended into the margins of
 * the XGBoost ensemble. Its inputs are the {@link DistributionGuard}'s normal scores: each
 * value mapped through the training distribution of its parameter to a normal score, a
 * missing value to 0 (the median). Where the trees are step-wise and learn interactions
 * from few patients, this model is smooth and additive, and ranks make it insensitive to
 * the scale of a centre's values and to outliers.
 *
 * <p>Fitted by Newton's method on the weighted log loss with a ridge penalty of
 * {@value #RIDGE} on the coefficients (a tiny one on the intercepts, which softmax leaves
 * undetermined); deterministic.
 *
 * @param weight blend weight: the model adds {@code weight} times its log-odds to the
 *     ensemble's averaged margins; 0 leaves them unchanged
 * @param intercept log-odds intercept per class, in subtype order
 * @param coefficients log-odds per unit of normal score {@code [class][feature]}, features in
 *     the guard's order
 */
public record RankLogisticRegression(double weight, double[] intercept,
        double[][] coefficients) {

    /** Blend weights that training tries on out-of-fold predictions, 0 first. */
    public static final List<Double> BLEND_WEIGHTS = List.of(0.0, 0.25, 0.5, 1.0);
    /** Ridge penalty (half the squared norm times this) on the coefficients. */
    public static final double RIDGE = 1.0;

    private static final double INTERCEPT_RIDGE = 1e-6;
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    /**
     * Validates the components and copies mutable ones.
     *
     * @param weight blend weight, at least 0
     * @param intercept intercept per class
     * @param coefficients coefficients per class and feature
     */
    public RankLogisticRegression {
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must be >= 0");
        }
        intercept = intercept.clone();
        coefficients = Arrays.stream(coefficients).map(double[]::clone)
                .toArray(double[][]::new);
    }

    /**
     * Fits the regression.
     *
     * @param scores normal scores {@code [row][feature]}
     * @param truth true class per row
     * @param rowWeights weight per row, positive
     * @param classes number of classes
     * @return the fitted model with blend weight 1
     */
    public static RankLogisticRegression fit(double[][] scores, int[] truth, double[] rowWeights,
            int classes) {
        int d = scores[0].length + 1;
        double[] theta = new double[classes * d];
        double loss = loss(theta, scores, truth, rowWeights, classes);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[theta.length];
            double[][] hessian = new double[theta.length][theta.length];
            for (int i = 0; i < scores.length; i++) {
                double[] x = withIntercept(scores[i]);
                double[] p = Calibration.softmax(logits(theta, x, classes));
                double w = rowWeights[i];
                for (int c = 0; c < classes; c++) {
                    double residual = w * (p[c] - (truth[i] == c ? 1 : 0));
                    for (int a = 0; a < d; a++) {
                        gradient[c * d + a] += residual * x[a];
                    }
                    for (int c2 = 0; c2 < classes; c2++) {
                        double curvature = w * p[c] * ((c == c2 ? 1 : 0) - p[c2]);
                        for (int a = 0; a < d; a++) {
                            for (int b = 0; b < d; b++) {
                                hessian[c * d + a][c2 * d + b] += curvature * x[a] * x[b];
                            }
                        }
                    }
                }
            }
            for (int j = 0; j < theta.length; j++) {
                double ridge = j % d == 0 ? INTERCEPT_RIDGE : RIDGE;
                gradient[j] += ridge * theta[j];
                hessian[j][j] += ridge;
            }
            double[] step = new LUDecomposition(new Array2DRowRealMatrix(hessian, false))
                    .getSolver().solve(new ArrayRealVector(gradient, false)).toArray();
            double scale = 1.0;
            double[] next = theta;
            double nextLoss = loss;
            for (int halving = 0; halving < 30; halving++) {
                double[] trial = theta.clone();
                for (int j = 0; j < trial.length; j++) {
                    trial[j] -= scale * step[j];
                }
                double trialLoss = loss(trial, scores, truth, rowWeights, classes);
                if (trialLoss <= loss) {
                    next = trial;
                    nextLoss = trialLoss;
                    break;
                }
                scale /= 2;
            }
            boolean converged = loss - nextLoss < TOLERANCE * Math.max(1.0, loss);
            theta = next;
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        double[] intercept = new double[classes];
        double[][] coefficients = new double[classes][d - 1];
        for (int c = 0; c < classes; c++) {
            intercept[c] = theta[c * d];
            System.arraycopy(theta, c * d + 1, coefficients[c], 0, d - 1);
        }
        return new RankLogisticRegression(1.0, intercept, coefficients);
    }

    /**
     * Returns a copy with another blend weight.
     *
     * @param newWeight blend weight, at least 0
     * @return the model with the new weight
     */
    public RankLogisticRegression withWeight(double newWeight) {
        return new RankLogisticRegression(newWeight, intercept, coefficients);
    }

    /**
     * The model's weighted log-odds for one row of normal scores.
     *
     * @param scores normal score per feature
     * @return {@code weight} times the log-odds per class
     */
    public double[] margins(double[] scores) {
        double[] m = new double[intercept.length];
        for (int c = 0; c < m.length; c++) {
            double z = intercept[c];
            for (int j = 0; j < scores.length; j++) {
                z += coefficients[c][j] * scores[j];
            }
            m[c] = weight * z;
        }
        return m;
    }

    /**
     * Each feature's weighted share of the log-odds (the intercept excluded).
     *
     * @param scores normal score per feature
     * @return {@code [feature][class]} weight times coefficient times score
     */
    public double[][] contributions(double[] scores) {
        double[][] shares = new double[scores.length][intercept.length];
        for (int j = 0; j < scores.length; j++) {
            for (int c = 0; c < intercept.length; c++) {
                shares[j][c] = weight * coefficients[c][j] * scores[j];
            }
        }
        return shares;
    }

    private static double[] withIntercept(double[] scores) {
        double[] x = new double[scores.length + 1];
        x[0] = 1.0;
        System.arraycopy(scores, 0, x, 1, scores.length);
        return x;
    }

    private static double[] logits(double[] theta, double[] x, int classes) {
        int d = x.length;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int a = 0; a < d; a++) {
                z[c] += theta[c * d + a] * x[a];
            }
        }
        return z;
    }

    private static double loss(double[] theta, double[][] scores, int[] truth,
            double[] rowWeights, int classes) {
        int d = scores[0].length + 1;
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] z = logits(theta, withIntercept(scores[i]), classes);
            double max = Arrays.stream(z).max().orElseThrow();
            double norm = 0;
            for (double v : z) {
                norm += Math.exp(v - max);
            }
            sum -= rowWeights[i] * (z[truth[i]] - max - Math.log(norm));
        }
        for (int j = 0; j < theta.length; j++) {
            sum += 0.5 * (j % d == 0 ? INTERCEPT_RIDGE : RIDGE) * theta[j] * theta[j];
        }
        return sum;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RankLogisticRegression that && weight == that.weight
                && Arrays.equals(intercept, that.intercept)
                && Arrays.deepEquals(coefficients, that.coefficients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weight, Arrays.hashCode(intercept),
                Arrays.deepHashCode(coefficients));
    }

    @Override
    public String toString() {
        return "RankLogisticRegression[weight=" + weight + ", intercept="
                + Arrays.toString(intercept) + "]";
    }
}
