package org.leukemia.ml.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.features.FeatureSchema;

/**
 * Computes {@link ReferenceStatistics} from a labelled cohort file after normalisation.
 *
 * <p>Only aggregates leave this class: quantiles on a grid from {@value #FIRST_PROBABILITY}
 * to {@value #LAST_PROBABILITY} in steps of {@value #PROBABILITY_STEP} (linearly interpolated
 * between order statistics and rounded to {@value #DECIMALS} decimals), missing rates, the
 * prevalence and Spearman correlations.
 *
 * <p>Regenerate the committed resource from the repository root with:
 * <pre>
 * mvn -q -pl leukemia-ml compile exec:java \
 *   -Dexec.mainClass=org.leukemia.ml.synthetic.ReferenceStatisticsBuilder \
 *   -Dexec.args="../shared/data/aipal/train.csv \
 *   leukemia-ml/src/main/resources/org/leukemia/ml/synthetic/reference-cohort-statistics.json"
 * </pre>
 */
public final class ReferenceStatisticsBuilder {

    /** Lowest probability of the quantile grid. */
    public static final double FIRST_PROBABILITY = 0.02;
    /** Highest probability of the quantile grid. */
    public static final double LAST_PROBABILITY = 0.98;
    /** Step of the quantile grid. */
    public static final double PROBABILITY_STEP = 0.04;
    /** Decimals kept for quantiles, rates and correlations. */
    public static final int DECIMALS = 3;

    private static final Logger LOG = Logger.getLogger(ReferenceStatisticsBuilder.class.getName());

    private ReferenceStatisticsBuilder() {
    }

    /**
     * Reads a cohort file and writes its statistics as JSON.
     *
     * @param args input CSV (AI-PAL column format) and output JSON path
     * @throws IOException if reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReferenceStatisticsBuilder <cohort.csv> <output.json>");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        List<LabeledCase> cases = CohortFiles.readCsv(input);
        ReferenceStatistics statistics = compute(cases, sourceDescription(input));
        Files.writeString(Path.of(args[1]), statistics.toJson() + "\n", StandardCharsets.UTF_8);
        LOG.info(() -> "Wrote statistics of " + cases.size() + " patients");
    }

    /**
     * Describes a cohort file without its directory, so that no machine path is stored.
     *
     * @param input the cohort file
     * @return description stored as {@link ReferenceStatistics#source()}
     */
    public static String sourceDescription(Path input) {
        return "AI-PAL training cohort (" + input.getFileName()
                + "), normalised; aggregate statistics only";
    }

    /**
     * Computes the statistics of the standard features.
     *
     * @param cases the cohort; every subtype must occur at least 3 times
     * @param source description of the cohort stored with the statistics
     * @return the statistics
     */
    public static ReferenceStatistics compute(List<LabeledCase> cases, String source) {
        List<Parameter> features = FeatureSchema.standard().parameters();
        double[] grid = grid();
        Map<Subtype, ClassStatistics> classes = new EnumMap<>(Subtype.class);
        for (Subtype subtype : Subtype.values()) {
            List<LabeledCase> members =
                    cases.stream().filter(c -> c.diagnosis() == subtype).toList();
            if (members.size() < 3) {
                throw new IllegalArgumentException("too few cases of " + subtype);
            }
            double prevalence = round((double) members.size() / cases.size());
            classes.put(subtype, classStatistics(members, features, grid, prevalence));
        }
        return new ReferenceStatistics(source, cases.size(), features, grid, classes);
    }

    static double[] grid() {
        int points = (int) Math.round((LAST_PROBABILITY - FIRST_PROBABILITY) / PROBABILITY_STEP);
        return IntStream.rangeClosed(0, points)
                .mapToDouble(i -> round(FIRST_PROBABILITY + i * PROBABILITY_STEP)).toArray();
    }

    private static ClassStatistics classStatistics(List<LabeledCase> members,
            List<Parameter> features, double[] grid, double prevalence) {
        int k = features.size();
        double[] missingRates = new double[k];
        double[][] quantiles = new double[k][];
        double[][] spearman = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] present = present(members, features.get(j));
            missingRates[j] = round(1.0 - (double) present.length / members.size());
            quantiles[j] = quantiles(present, grid);
            for (int m = 0; m < k; m++) {
                spearman[j][m] = j == m ? 1.0
                        : round(spearman(members, features.get(j), features.get(m)));
            }
        }
        return new ClassStatistics(prevalence, missingRates, quantiles, spearman);
    }

    private static double[] present(List<LabeledCase> members, Parameter p) {
        return members.stream().map(c -> c.values().get(p))
                .filter(v -> v.isPresent()).mapToDouble(v -> v.getAsDouble()).sorted().toArray();
    }

    /**
     * Interpolated quantiles of sorted values (the usual "type 7" definition).
     *
     * @param sorted values in ascending order, at least one
     * @param grid probabilities
     * @return one rounded quantile per probability
     */
    static double[] quantiles(double[] sorted, double[] grid) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a feature has no value in a subtype");
        }
        double[] q = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double h = (sorted.length - 1) * grid[i];
            int lower = (int) Math.floor(h);
            int upper = Math.min(lower + 1, sorted.length - 1);
            q[i] = round(sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]));
        }
        return q;
    }

    private static double spearman(List<LabeledCase> members, Parameter a, Parameter b) {
        List<double[]> pairs = new ArrayList<>();
        for (LabeledCase c : members) {
            var x = c.values().get(a);
            var y = c.values().get(b);
            if (x.isPresent() && y.isPresent()) {
                pairs.add(new double[] {x.getAsDouble(), y.getAsDouble()});
            }
        }
        if (pairs.size() < 3) {
            return 0.0;
        }
        double[] xs = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double rho = new SpearmansCorrelation().correlation(xs, ys);
        return Double.isFinite(rho) ? rho : 0.0;
    }

    private static double round(double value) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(value * scale) / scale;
    }
}
