package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{1} {2} is {3} {0}")
    @CsvSource(delimiter = '|', value = {
        "WBC | G/L | 12.5 | 12.5",
        "WBC | x10^9/L | 12.5 | 12.5",
        "WBC | 10³/µL | 12.5 | 12.5",
        "WBC | × 10E9/l | 12.5 | 12.5",
        "WBC | /mm³ | 12500 | 12.5",
        "WBC | /µL | 12500 | 12.5",
        "PLATELETS | /mm3 | 41000 | 41",
        "MCHC | g/dL | 34.4 | 344",
        "MCHC | g/L | 344 | 344",
        "HAEMOGLOBIN | g/dl | 9.1 | 91",
        "FIBRINOGEN | mg/dL | 310 | 3.1",
        "LDH | µkat/L | 10 | 600",
        "LDH | UI/L | 600 | 600",
        "AGE | ans | 7 | 7",
        "AGE | months | 18 | 1.5",
        "MONOCYTES_PERCENT | % | 12 | 12",
    })
    void convertsADeclaredUnitToTheCanonicalOne(Parameter p, String unit, double value,
            double canonical) {
        assertThat(Units.conversion(p, unit)).hasValueSatisfying(
                c -> assertThat(c.apply(value)).isEqualTo(canonical));
    }

    @Test
    void aUnitThatCannotBeConvertedHasNoConversion() {
        assertThat(Units.conversion(Parameter.PT_PERCENT, "s")).isEmpty();
        assertThat(Units.conversion(Parameter.PT_PERCENT, "INR")).isEmpty();
        assertThat(Units.conversion(Parameter.MCHC, "fL")).isEmpty();
        assertThat(Units.conversion(Parameter.WBC, "")).isEmpty();
    }

    @Test
    void theNoteNamesBothValuesAndUnits() {
        Units.Conversion c = Units.conversion(Parameter.MCHC, "g/dL").orElseThrow();

        assertThat(c.isIdentity()).isFalse();
        assertThat(c.note(34.4)).isEqualTo(
                "Mean corpuscular haemoglobin concentration 34.4 g/dL converted to 344 g/L.");
        assertThat(Units.conversion(Parameter.MCHC, "g/L").orElseThrow().isIdentity()).isTrue();
    }

    @Test
    void knowsWhichTextsAreUnits() {
        assertThat(Units.isKnownUnit("g/L")).isTrue();
        assertThat(Units.isKnownUnit("G/L")).isTrue();
        assertThat(Units.isKnownUnit("ward B")).isFalse();
    }
}
