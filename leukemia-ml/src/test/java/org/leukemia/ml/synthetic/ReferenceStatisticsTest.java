package org.leukemia.ml.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.AipalData;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.SyntheticCohort;

class ReferenceStatisticsTest {

    @Test
    void committedResourceIsReproducibleFromTrainingCohort() throws IOException {
        Path train = AipalData.folderOrSkip().resolve("train.csv");
        List<LabeledCase> cases = CohortFiles.readCsv(train);

        ReferenceStatistics computed = ReferenceStatisticsBuilder.compute(cases,
                ReferenceStatisticsBuilder.sourceDescription(train));

        assertThat(computed).isEqualTo(ReferenceStatistics.loadDefault());
    }

    @Test
    void gridAvoidsTheExtremes() {
        double[] grid = ReferenceStatistics.loadDefault().probabilities();

        assertThat(grid[0]).isEqualTo(0.02);
        assertThat(grid[grid.length - 1]).isEqualTo(0.98);
        assertThat(grid).hasSize(25);
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        ReferenceStatistics statistics = ReferenceStatistics.loadDefault();

        assertThat(ReferenceStatistics.fromJson(statistics.toJson())).isEqualTo(statistics);
    }

    @Test
    void builderComputesQuantilesByInterpolation() {
        double[] q = ReferenceStatisticsBuilder.quantiles(new double[] {0, 10, 20, 30, 40},
                new double[] {0.1, 0.5, 0.9});
        assertThat(q).containsExactly(4.0, 20.0, 36.0);
    }

    @Test
    void statisticsOfSyntheticCohortResembleTheReference() {
        ReferenceStatistics reference = ReferenceStatistics.loadDefault();
        ReferenceStatistics again = ReferenceStatisticsBuilder.compute(
                SyntheticCohort.draw(3000, 8), "synthetic");

        int ldh = reference.features().indexOf(org.leukemia.ml.Parameter.LDH);
        for (var subtype : org.leukemia.ml.Subtype.values()) {
            double[] expected = reference.classes().get(subtype).quantilesOf(ldh);
            double[] actual = again.classes().get(subtype).quantilesOf(ldh);
            int median = expected.length / 2;
            assertThat(actual[median]).isCloseTo(expected[median],
                    within(0.15 * expected[median]));
        }
    }

    @Test
    void inconsistentCorrelationsAreRepairedToPositiveDefinite() {
        double[][] impossible = {{1, 0.95, -0.95}, {0.95, 1, 0.95}, {-0.95, 0.95, 1}};
        RealMatrix repaired = GaussianCopulaSampler.nearestCorrelation(
                GaussianCopulaSampler.normalScale(impossible));

        double[] eigenvalues = new EigenDecomposition(repaired).getRealEigenvalues();
        assertThat(java.util.Arrays.stream(eigenvalues).min().orElseThrow()).isPositive();
        for (int i = 0; i < 3; i++) {
            assertThat(repaired.getEntry(i, i)).isEqualTo(1.0);
        }
    }

    @Test
    void quantileFunctionInterpolatesAndClamps() {
        QuantileFunction f = new QuantileFunction(new double[] {0.1, 0.5, 0.9},
                new double[] {0, 10, 50});

        assertThat(f.valueAt(0.0)).isEqualTo(0.0);
        assertThat(f.valueAt(0.3)).isCloseTo(5.0, within(1e-12));
        assertThat(f.valueAt(0.7)).isCloseTo(30.0, within(1e-12));
        assertThat(f.valueAt(1.0)).isEqualTo(50.0);
    }
}
