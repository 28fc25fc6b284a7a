package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypedNumberTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "12,5       | 12.5",
        "12.5       | 12.5",
        "12 500     | 12500",
        "1 234 567  | 1234567",
        "12.3 H     | 12.3",
        "12.3H      | 12.3",
        "0.2 *      | 0.2",
        "3.1 (L)    | 3.1",
        "7 ↑        | 7",
        ",5         | 0.5",
        "1e3        | 1000",
        "-0         | 0",
    })
    void readsNumbersAsPeopleTypeThem(String text, double expected) {
        assertThat(TypedNumber.parse(text)).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualTo(expected);
            assertThat(n.censoring()).isEqualTo(TypedNumber.Censoring.NONE);
            assertThat(n.unit()).isEmpty();
        });
    }

    @Test
    void aCensoredValueIsItsLimitAndSaysWhichSide() {
        assertThat(TypedNumber.parse("<0,5")).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualTo(0.5);
            assertThat(n.censoring()).isEqualTo(TypedNumber.Censoring.BELOW);
        });
        assertThat(TypedNumber.parse("> 1000")).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualTo(1000);
            assertThat(n.censoring()).isEqualTo(TypedNumber.Censoring.ABOVE);
        });
        assertThat(TypedNumber.parse("≤ 2")).map(TypedNumber::censoring)
                .contains(TypedNumber.Censoring.BELOW);
    }

    @Test
    void aUnitInTheCellIsKeptApartFromTheNumberAndTheFlag() {
        assertThat(TypedNumber.parse("4.5 g/L H")).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualTo(4.5);
            assertThat(n.unit()).contains("g/L");
        });
        assertThat(TypedNumber.parse("4500/mm3")).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualTo(4500);
            assertThat(n.unit()).contains("/mm3");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"high", "twelve", "4.5 ward B", "12/03/2024", "n.d.", "", "H 12"})
    void textThatIsNoNumberIsNotGuessed(String text) {
        assertThat(TypedNumber.parse(text)).isEmpty();
    }
}
