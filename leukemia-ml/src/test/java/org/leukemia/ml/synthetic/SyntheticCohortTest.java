package org.leukemia.ml.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SyntheticCohort;

class SyntheticCohortTest {

    private static final ReferenceStatistics STATISTICS = ReferenceStatistics.loadDefault();

    @Test
    void sameSeedGivesSameCohortAndOtherSeedAnother() {
        List<LabeledCase> first = SyntheticCohort.draw(200, 5);

        assertThat(SyntheticCohort.draw(200, 5)).isEqualTo(first);
        assertThat(SyntheticCohort.draw(200, 6)).isNotEqualTo(first);
    }

    @Test
    void classMixFollowsPrevalence() {
        List<LabeledCase> cohort = SyntheticCohort.draw(1000, 1);
        Map<Subtype, Long> counts = cohort.stream()
                .collect(Collectors.groupingBy(LabeledCase::diagnosis, Collectors.counting()));

        double total = STATISTICS.classes().values().stream().mapToDouble(c -> c.prevalence())
                .sum();
        for (Subtype s : Subtype.values()) {
            double expected = 1000 * STATISTICS.classes().get(s).prevalence() / total;
            assertThat((double) counts.get(s)).isCloseTo(expected, within(1.0));
        }
    }

    @Test
    void valuesStayInsideStoredQuantilesAndMissingRatesAreKept() {
        List<LabeledCase> apl = SyntheticCohort.draw(4000, 2).stream()
                .filter(c -> c.diagnosis() == Subtype.APL).toList();
        ClassStatistics stats = STATISTICS.classes().get(Subtype.APL);
        List<Parameter> features = STATISTICS.features();

        for (int j = 0; j < features.size(); j++) {
            Parameter p = features.get(j);
            double[] q = stats.quantilesOf(j);
            double[] values = apl.stream().map(c -> c.values().get(p))
                    .filter(v -> v.isPresent()).mapToDouble(v -> v.getAsDouble()).toArray();
            assertThat(java.util.Arrays.stream(values).min().orElseThrow())
                    .isGreaterThanOrEqualTo(q[0]);
            assertThat(java.util.Arrays.stream(values).max().orElseThrow())
                    .isLessThanOrEqualTo(q[q.length - 1]);
            double missing = 1.0 - (double) values.length / apl.size();
            assertThat(missing).as(p.key()).isCloseTo(stats.missingRates()[j], within(0.03));
        }
    }

    @Test
    void rankCorrelationIsReproduced() {
        List<LabeledCase> all = SyntheticCohort.draw(4000, 3).stream()
                .filter(c -> c.diagnosis() == Subtype.ALL)
                .filter(c -> c.values().get(Parameter.WBC).isPresent()
                        && c.values().get(Parameter.NEUTROPHILS).isPresent())
                .toList();
        double[] wbc = all.stream()
                .mapToDouble(c -> c.values().get(Parameter.WBC).getAsDouble()).toArray();
        double[] neutrophils = all.stream()
                .mapToDouble(c -> c.values().get(Parameter.NEUTROPHILS).getAsDouble()).toArray();
        int i = STATISTICS.features().indexOf(Parameter.WBC);
        int j = STATISTICS.features().indexOf(Parameter.NEUTROPHILS);
        double reference = STATISTICS.classes().get(Subtype.ALL).spearman()[i][j];

        assertThat(reference).isGreaterThan(0.5);
        assertThat(new SpearmansCorrelation().correlation(wbc, neutrophils))
                .isCloseTo(reference, within(0.08));
    }

    @Test
    void measuredZerosSurviveInSyntheticData() {
        long zeroMonocytes = SyntheticCohort.draw(1000, 4).stream()
                .filter(c -> c.values().get(Parameter.MONOCYTES).orElse(-1) == 0.0).count();
        assertThat(zeroMonocytes).isGreaterThan(50);
    }
}
