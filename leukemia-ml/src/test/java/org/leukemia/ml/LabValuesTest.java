package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabValuesTest {

    @Test
    void absentIsMissingAndZeroIsPresent() {
        LabValues values = LabValues.builder().set(Parameter.MONOCYTES, 0.0).build();

        assertThat(values.get(Parameter.MONOCYTES)).hasValue(0.0);
        assertThat(values.get(Parameter.LDH)).isEmpty();
    }

    @Test
    void mapIsOrderedByParameterAndUnmodifiable() {
        LabValues values = LabValues.builder().set(Parameter.LDH, 900).set(Parameter.AGE, 50)
                .build();

        assertThat(values.asMap().keySet()).containsExactly(Parameter.AGE, Parameter.LDH);
        assertThatThrownBy(() -> values.asMap().put(Parameter.WBC, 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderRejectsNonFiniteValues() {
        assertThatThrownBy(() -> LabValues.builder().set(Parameter.WBC, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtValuesDoNotChangeWithTheBuilder() {
        LabValues.Builder builder = LabValues.builder().set(Parameter.WBC, 3);
        LabValues first = builder.build();
        builder.set(Parameter.WBC, 4);

        assertThat(first.get(Parameter.WBC)).hasValue(3.0);
    }

    @Test
    void parameterKeysAreStableAndFound() {
        assertThat(Parameter.fromKey("neutrophils_pct")).contains(Parameter.NEUTROPHILS_PERCENT);
        assertThat(Parameter.fromKey(" LDH ")).contains(Parameter.LDH);
        assertThat(Parameter.fromKey("potassium")).isEmpty();
        assertThat(Parameter.fromKey(null)).isEmpty();
        assertThat(Parameter.PT_PERCENT.key()).isEqualTo("pt_pct");
        assertThat(Parameter.MCHC.unit()).isEqualTo("g/L");
    }

    @Test
    void predictionExposesMostProbableSubtype() {
        SubtypePrediction prediction = new SubtypePrediction(
                Map.of(Subtype.ALL, 0.2, Subtype.AML, 0.1, Subtype.APL, 0.7), java.util.List.of());

        assertThat(prediction.predicted()).isEqualTo(Subtype.APL);
        assertThat(prediction.confidence()).isEqualTo(0.7);
        assertThat(prediction.probability(Subtype.ALL)).isEqualTo(0.2);
    }

    @Test
    void predictionRejectsIncompleteProbabilities() {
        assertThatThrownBy(() -> new SubtypePrediction(
                Map.of(Subtype.ALL, 0.5, Subtype.AML, 0.5), java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWithheldSuggestionIsFlaggedAndNeverConfident() {
        Map<Subtype, Double> p = Map.of(Subtype.ALL, 0.01, Subtype.AML, 0.01, Subtype.APL, 0.98);

        assertThatThrownBy(() -> new SubtypePrediction(p, java.util.List.of(), null, true, true,
                true, java.util.List.of("rests on missing results"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withheld");
        assertThatThrownBy(() -> new SubtypePrediction(p, java.util.List.of(), null, false,
                false, true, java.util.List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SubtypePrediction(p, java.util.List.of(), null, false, true, true,
                java.util.List.of("rests on missing results"), Map.of()).withheld()).isTrue();
    }
}
