package org.leukemia.ml.training;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;

/**
 * Flags inputs unlike the training data, or predictions the model is unsure of, with a
 * reason a clinician can read. Three checks:
 * <ol>
 *   <li>range: a value below the lowest or above the highest value of its parameter in the
 *       training data;</li>
 *   <li>combination: the Mahalanobis distance of the rank-transformed values (each value
 *       mapped through the training distribution of its parameter to a normal score, a
 *       missing value to 0) above the {@code percentile}-th percentile of the training
 *       patients' own distances. The covariance is shrunk by {@value #SHRINKAGE} towards its
 *       diagonal;</li>
 *   <li>ambiguity (only in {@link #check(LabValues, double)}): the calibrated probability of
 *       the proposed subtype below {@code ambiguityThreshold}, the level under which
 *       {@value #AMBIGUOUS_SHARE} of the training patients' out-of-fold predictions fell.
 *       Out of fold, these are the patients the model most often gets wrong; 0 switches the
 *       check off (as in bundles written before it existed).</li>
 * </ol>
 *
 * @param features parameter keys checked, in order
 * @param min lowest training value per feature
 * @param max highest training value per feature
 * @param quantiles training quantiles 0, 1, ..., 100 % per feature
 * @param inverseCovariance inverse of the shrunk covariance of the normal scores
 * @param percentile training percentile used as threshold, for example 99
 * @param threshold squared distance above which a combination is flagged
 * @param ambiguityThreshold probability of the proposed subtype below which a prediction is
 *     flagged as ambiguous; 0 when not checked
 */
public record DistributionGuard(List<String> features, double[] min, double[] max,
        double[][] quantiles, double[][] inverseCovariance, double percentile,
        double threshold, double ambiguityThreshold) {

    /** Default training percentile of the distance threshold. */
    public static final double DEFAULT_PERCENTILE = 99.0;
    /** Shrinkage of the covariance towards its diagonal. */
    public static final double SHRINKAGE = 0.1;
    /** How many times beyond the training range a value lies "far beyond" it. */
    public static final double FAR = 10.0;
    /** Share of training out-of-fold predictions below the ambiguity threshold. */
    public static final double AMBIGUOUS_SHARE = 0.15;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double TAIL = 0.005;
    private static final int MOST_UNUSUAL = 2;

    /**
     * Validates the components.
     *
     * @param features parameter keys checked, in order
     * @param min lowest training value per feature
     * @param max highest training value per feature
     * @param quantiles training quantiles per feature
     * @param inverseCovariance inverse covariance of the normal scores
     * @param percentile training percentile used as threshold
     * @param threshold squared distance threshold
     * @param ambiguityThreshold probability of the proposed subtype below which a
     *     prediction is flagged; 0 when not checked
     */
    public DistributionGuard {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        if (!(ambiguityThreshold >= 0 && ambiguityThreshold <= 1)) {
            throw new IllegalArgumentException("ambiguityThreshold must be in [0, 1]");
        }
    }

    /**
     * Returns a copy whose ambiguity threshold is the {@value #AMBIGUOUS_SHARE} quantile of
     * the proposed subtype's probability in out-of-fold predictions on the training data.
     *
     * @param decidedProbabilities out-of-fold probability of the proposed subtype, one per
     *     training prediction
     * @return the guard with the ambiguity check
     */
    public DistributionGuard withAmbiguityFrom(double[] decidedProbabilities) {
        double[] sorted = decidedProbabilities.clone();
        Arrays.sort(sorted);
        double cut = sorted.length == 0 ? 0.0
                : org.leukemia.ml.evaluation.Metrics.percentile(sorted, AMBIGUOUS_SHARE);
        return new DistributionGuard(features, min, max, quantiles, inverseCovariance,
                percentile, threshold, cut);
    }

    /**
     * Fits the guard on training cases.
     *
     * @param cases training cases
     * @param parameters parameters to check
     * @param percentile training percentile of the distance threshold, in (50, 100]
     * @return the fitted guard
     */
    public static DistributionGuard fit(List<LabeledCase> cases, List<Parameter> parameters,
            double percentile) {
        int d = parameters.size();
        double[] min = new double[d];
        double[] max = new double[d];
        double[][] quantiles = new double[d][];
        for (int j = 0; j < d; j++) {
            Parameter p = parameters.get(j);
            double[] values = cases.stream().map(c -> c.values().get(p))
                    .filter(v -> v.isPresent()).mapToDouble(v -> v.getAsDouble()).sorted()
                    .toArray();
            if (values.length == 0) {
                values = new double[] {0.0};
            }
            min[j] = values[0];
            max[j] = values[values.length - 1];
            quantiles[j] = new double[101];
            for (int q = 0; q <= 100; q++) {
                quantiles[j][q] = org.leukemia.ml.evaluation.Metrics.percentile(values, q / 100.0);
            }
        }
        List<String> keys = parameters.stream().map(Parameter::key).toList();
        DistributionGuard partial = new DistributionGuard(keys, min, max, quantiles,
                new double[0][0], percentile, Double.POSITIVE_INFINITY, 0.0);
        double[][] scores = cases.stream().map(c -> partial.normalScores(c.values()))
                .toArray(double[][]::new);
        double[][] cov = new double[d][d];
        for (double[] z : scores) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += z[a] * z[b] / scores.length;
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                if (a != b) {
                    cov[a][b] *= 1 - SHRINKAGE;
                }
            }
            cov[a][a] = Math.max(cov[a][a], 1e-6);
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(cov)).getSolver()
                .getInverse();
        DistributionGuard unthresholded = new DistributionGuard(keys, min, max, quantiles,
                inverse.getData(), percentile, Double.POSITIVE_INFINITY, 0.0);
        double[] distances = Arrays.stream(scores).mapToDouble(unthresholded::distance)
                .sorted().toArray();
        double threshold = org.leukemia.ml.evaluation.Metrics.percentile(distances,
                percentile / 100.0);
        return new DistributionGuard(keys, min, max, quantiles, inverse.getData(), percentile,
                threshold, 0.0);
    }

    /**
     * Checks one input and the model's confidence in its proposed subtype.
     *
     * @param values canonical values
     * @param decidedProbability calibrated probability of the proposed subtype
     * @return one reason per finding; empty when the input is like the training data and the
     *     prediction is not ambiguous
     */
    public List<String> check(LabValues values, double decidedProbability) {
        List<String> reasons = check(values);
        ambiguity(decidedProbability).ifPresent(reasons::add);
        return reasons;
    }

    /**
     * Checks the model's confidence in its proposed subtype.
     *
     * @param decidedProbability calibrated probability of the proposed subtype
     * @return the reason when the prediction is ambiguous
     */
    public Optional<String> ambiguity(double decidedProbability) {
        return decidedProbability < ambiguityThreshold ? Optional.of(String.format(Locale.ROOT,
                "Ambiguous: the proposed subtype has probability %.2f, below %.2f, where the"
                        + " %.0f %% least certain training predictions lie (the model is most"
                        + " often wrong there).",
                decidedProbability, ambiguityThreshold, AMBIGUOUS_SHARE * 100))
                : Optional.empty();
    }

    /**
     * Checks one input (range and combination only).
     *
     * @param values canonical values
     * @return one reason per finding; empty when the input is like the training data
     */
    public List<String> check(LabValues values) {
        List<String> reasons = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            Parameter p = parameter(j);
            var value = values.get(p);
            if (value.isEmpty()) {
                continue;
            }
            double v = value.getAsDouble();
            if (farBeyond(j, v)) {
                reasons.add(p.label() + " " + format(v) + " " + p.unit() + " lies far beyond"
                        + " anything seen in training (" + format(min[j]) + " to "
                        + format(max[j]) + " " + p.unit() + "): a unit or typing error? No"
                        + " subtype is suggested from it; check the value.");
            } else if (v > max[j]) {
                reasons.add(p.label() + " " + format(v) + " " + p.unit()
                        + " is beyond anything seen in training (highest " + format(max[j])
                        + " " + p.unit() + ").");
            } else if (v < min[j]) {
                reasons.add(p.label() + " " + format(v) + " " + p.unit()
                        + " is below anything seen in training (lowest " + format(min[j])
                        + " " + p.unit() + ").");
            }
        }
        double[] z = normalScores(values);
        double distance = distance(z);
        if (distance > threshold) {
            Integer[] order = new Integer[z.length];
            for (int j = 0; j < z.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, Comparator.comparingDouble(j -> -Math.abs(z[j])));
            List<String> unusual = new ArrayList<>();
            for (int j = 0; j < Math.min(MOST_UNUSUAL, z.length); j++) {
                unusual.add(parameter(order[j]).label());
            }
            reasons.add(String.format(Locale.ROOT, "Unusual combination of results (distance"
                    + " %.1f, above %.0f %% of training patients, %.1f); most unusual: %s.",
                    distance, percentile, threshold, String.join(", ", unusual)));
        }
        return reasons;
    }

    /**
     * The parameters whose value lies far beyond anything seen in training: above
     * {@value #FAR} times the highest training value, or below the lowest divided by
     * {@value #FAR}. No patient the model learned from was near; such a value is more often a
     * unit or typing error than a measurement, and no suggestion should rest on it.
     *
     * @param values canonical values
     * @return those parameters, in the guard's order; empty for most patients
     */
    public List<Parameter> farBeyondTraining(LabValues values) {
        List<Parameter> far = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            var value = values.get(parameter(j));
            if (value.isPresent() && farBeyond(j, value.getAsDouble())) {
                far.add(parameter(j));
            }
        }
        return far;
    }

    private boolean farBeyond(int j, double v) {
        return v > FAR * max[j] || v < min[j] / FAR;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DistributionGuard that && features.equals(that.features)
                && Arrays.equals(min, that.min) && Arrays.equals(max, that.max)
                && Arrays.deepEquals(quantiles, that.quantiles)
                && Arrays.deepEquals(inverseCovariance, that.inverseCovariance)
                && percentile == that.percentile && threshold == that.threshold
                && ambiguityThreshold == that.ambiguityThreshold;
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, Arrays.hashCode(min), Arrays.hashCode(max), threshold);
    }

    @Override
    public String toString() {
        return "DistributionGuard" + features + " threshold " + threshold + ", ambiguity "
                + ambiguityThreshold;
    }

    /**
     * Returns the training median of a parameter, a typical value for it.
     *
     * @param p parameter
     * @return its median in the training data; empty when the guard does not check it
     */
    public OptionalDouble median(Parameter p) {
        return quantile(p, 50);
    }

    /**
     * Returns a parameter's training quantile.
     *
     * @param p the parameter
     * @param percent the quantile, 0 to 100
     * @return the value below which {@code percent} % of the training values lie; empty when
     *     the parameter is not checked
     */
    public OptionalDouble quantile(Parameter p, int percent) {
        int j = features.indexOf(p.key());
        return j < 0 ? OptionalDouble.empty() : OptionalDouble.of(quantiles[j][percent]);
    }

    private Parameter parameter(int j) {
        return Parameter.fromKey(features.get(j)).orElseThrow();
    }

    /**
     * Maps values to normal scores through the training distribution of each parameter.
     *
     * @param values canonical values
     * @return normal score per feature, 0 for a missing value
     */
    public double[] normalScores(LabValues values) {
        double[] z = new double[features.size()];
        for (int j = 0; j < z.length; j++) {
            var value = values.get(parameter(j));
            if (value.isPresent()) {
                double f = cdf(quantiles[j], value.getAsDouble());
                z[j] = NORMAL.inverseCumulativeProbability(Math.min(1 - TAIL, Math.max(TAIL, f)));
            }
        }
        return z;
    }

    private static double cdf(double[] q, double x) {
        int below = 0;
        int equal = 0;
        for (double v : q) {
            if (v < x) {
                below++;
            } else if (v == x) {
                equal++;
            }
        }
        if (equal > 0) {
            return (below + (equal - 1) / 2.0) / (q.length - 1);
        }
        if (below == 0) {
            return 0.0;
        }
        if (below == q.length) {
            return 1.0;
        }
        double lo = q[below - 1];
        double hi = q[below];
        return (below - 1 + (x - lo) / (hi - lo)) / (q.length - 1);
    }

    private double distance(double[] z) {
        double sum = 0;
        for (int a = 0; a < z.length; a++) {
            for (int b = 0; b < z.length; b++) {
                sum += z[a] * inverseCovariance[a][b] * z[b];
            }
        }
        return sum;
    }

    private static String format(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
