package org.leukemia.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.leukemia.ml.synthetic.GaussianCopulaSampler;
import org.leukemia.ml.synthetic.ReferenceStatistics;

/**
 * Synthetic patients drawn from the committed aggregate statistics of the AI-PAL training
 * cohort ({@link ReferenceStatistics#loadDefault()}); no real patient is involved.
 *
 * <p>The class mix follows the reference prevalences (largest-remainder allocation, then a
 * seeded shuffle); the values of each subtype come from a Gaussian copula over the
 * subtype's quantiles and Spearman correlations, with its missing rates.
 */
public final class SyntheticCohort {

    private SyntheticCohort() {
    }

    /**
     * Draws a synthetic cohort.
     *
     * @param patients number of patients, at least 1
     * @param seed random seed; the same seed gives the same cohort
     * @return synthetic cases with ids {@code synthetic-00001}, ...
     */
    public static List<LabeledCase> draw(int patients, long seed) {
        return draw(ReferenceStatistics.loadDefault(), patients, seed);
    }

    /**
     * Draws a synthetic cohort from given statistics.
     *
     * @param statistics reference statistics
     * @param patients number of patients, at least 1
     * @param seed random seed
     * @return synthetic cases
     */
    public static List<LabeledCase> draw(ReferenceStatistics statistics, int patients,
            long seed) {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be positive");
        }
        Random random = new Random(seed);
        List<Subtype> diagnoses = classMix(statistics, patients);
        Collections.shuffle(diagnoses, random);
        Map<Subtype, GaussianCopulaSampler> samplers = new EnumMap<>(Subtype.class);
        statistics.classes().forEach((subtype, stats) -> samplers.put(subtype,
                new GaussianCopulaSampler(stats, statistics.probabilities())));
        List<LabeledCase> cases = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            Subtype diagnosis = diagnoses.get(i);
            double[] drawn = samplers.get(diagnosis).draw(random);
            cases.add(new LabeledCase(String.format(Locale.ROOT, "synthetic-%05d", i + 1),
                    diagnosis, values(statistics.features(), drawn)));
        }
        return List.copyOf(cases);
    }

    private static List<Subtype> classMix(ReferenceStatistics statistics, int patients) {
        Map<Subtype, Integer> counts = new EnumMap<>(Subtype.class);
        Map<Subtype, Double> remainders = new EnumMap<>(Subtype.class);
        double total = statistics.classes().values().stream()
                .mapToDouble(c -> c.prevalence()).sum();
        int allocated = 0;
        for (Subtype s : Subtype.values()) {
            double exact = patients * statistics.classes().get(s).prevalence() / total;
            counts.put(s, (int) Math.floor(exact));
            remainders.put(s, exact - Math.floor(exact));
            allocated += counts.get(s);
        }
        List<Subtype> byRemainder = new ArrayList<>(List.of(Subtype.values()));
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int i = 0; allocated < patients; i++, allocated++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        List<Subtype> diagnoses = new ArrayList<>(patients);
        counts.forEach((s, n) -> diagnoses.addAll(Collections.nCopies(n, s)));
        return diagnoses;
    }

    private static LabValues values(List<Parameter> features, double[] drawn) {
        LabValues.Builder builder = LabValues.builder();
        for (int j = 0; j < drawn.length; j++) {
            if (!Double.isNaN(drawn[j])) {
                builder.set(features.get(j), drawn[j]);
            }
        }
        return builder.build();
    }
}
