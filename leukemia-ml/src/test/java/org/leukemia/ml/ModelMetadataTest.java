package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.training.Calibration;
import org.leukemia.ml.training.ConfidentZone;

/** Records that training cannot have written, as in a bundle edited by hand, are refused. */
class ModelMetadataTest {

    private static final Map<Subtype, Integer> COUNTS =
            Map.of(Subtype.ALL, 228, Subtype.AML, 359, Subtype.APL, 92);
    private static final Calibration BALANCED = new Calibration(2.17,
            new double[] {0, 0.31, -0.49}, Calibration.balancedWeights(new int[] {228, 359, 92}),
            Calibration.BALANCED);
    private static final Map<Subtype, Double> ZONE =
            Map.of(Subtype.ALL, 0.93, Subtype.AML, 0.94, Subtype.APL, ConfidentZone.NEVER);

    @Test
    void whatTrainingWritesIsAccepted() {
        assertThatCode(() -> metadata(false, BALANCED, ZONE)).doesNotThrowAnyException();
        assertThatCode(() -> metadata(true, Calibration.identity(3), Map.of(Subtype.ALL,
                ConfidentZone.NEVER))).doesNotThrowAnyException();
    }

    @Test
    void aDecisionRuleThatIsNotTheOneItNamesIsRefused() {
        Calibration alwaysApl = BALANCED.withDecision(new double[] {0, 0, 1000},
                Calibration.BALANCED);
        Calibration tilted = BALANCED.withDecision(new double[] {1, 1, 3},
                Calibration.MOST_PROBABLE);
        Calibration unknown = BALANCED.withDecision(new double[] {1, 1, 1}, "my own");

        assertThatThrownBy(() -> metadata(false, alwaysApl, ZONE))
                .hasMessageContaining("not those of the rule 'prevalence-balanced'");
        assertThatThrownBy(() -> metadata(false, tilted, ZONE))
                .hasMessageContaining("not those of the rule 'most probable'");
        assertThatThrownBy(() -> metadata(false, unknown, ZONE))
                .hasMessageContaining("unknown decision rule");
    }

    @Test
    void aCalibrationOutsideWhatTrainingFitsIsRefused() {
        assertThatThrownBy(() -> metadata(false, new Calibration(0.01, new double[3],
                new double[] {1, 1, 1}, Calibration.MOST_PROBABLE), ZONE))
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> metadata(false, new Calibration(1, new double[] {0, 0, 40},
                new double[] {1, 1, 1}, Calibration.MOST_PROBABLE), ZONE))
                .hasMessageContaining("bias");
    }

    @Test
    void aConfidentZoneBelowEvenOddsOrOnSyntheticDataIsRefused() {
        assertThatThrownBy(() -> metadata(false, BALANCED, Map.of(Subtype.APL, 0.0)))
                .hasMessageContaining("cut-off 0.0 for APL");
        assertThatThrownBy(() -> metadata(true, BALANCED, ZONE))
                .hasMessageContaining("never for synthetic training data");
    }

    private static ModelMetadata metadata(boolean synthetic, Calibration calibration,
            Map<Subtype, Double> zone) {
        return new ModelMetadata("d", "lyon.csv", synthetic, COUNTS, "ab", Map.of(), 1,
                Instant.parse("2026-12-01T10:00:00Z"), "4.3.2", List.of("age", "wbc"),
                List.of(), calibration, zone, null, Map.of(), null);
    }
}
