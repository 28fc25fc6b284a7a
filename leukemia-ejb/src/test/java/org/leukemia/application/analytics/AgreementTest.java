package org.leukemia.application.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.analytics.AgreementCount;
import org.leukemia.persistence.patient.Diagnosis;

class AgreementTest {

    @Test
    void accuracyRecallAndWilsonIntervalOverTheConfirmedCases() {
        Agreement agreement = Agreement.of(List.of(
                new AgreementCount(Diagnosis.ALL, "ALL", 3),
                new AgreementCount(Diagnosis.AML, "AML", 4),
                new AgreementCount(Diagnosis.AML, "APL", 1),
                new AgreementCount(Diagnosis.APL, "APL", 1),
                new AgreementCount(Diagnosis.OTHER, "AML", 1)));

        assertThat(agreement.confirmed()).isEqualTo(10);
        assertThat(agreement.correct()).isEqualTo(8);
        assertThat(agreement.accuracy()).isEqualTo(0.8);
        assertThat(agreement.accuracyLow()).isCloseTo(0.490, within(0.001));
        assertThat(agreement.accuracyHigh()).isCloseTo(0.943, within(0.001));
        assertThat(agreement.rows()).extracting(Agreement.Row::diagnosis)
                .containsExactly("ALL", "AML", "APL", "OTHER");
        assertThat(agreement.rows()).extracting(Agreement.Row::recall)
                .containsExactly(1.0, 0.8, 1.0, null);
        assertThat(agreement.rows().get(1).predicted())
                .isEqualTo(new SubtypeCounts(0, 4, 1, 5));
    }

    @Test
    void otherIsAlwaysAMissAndNoCaseGivesNoAccuracy() {
        Agreement onlyOther = Agreement.of(List.of(new AgreementCount(Diagnosis.OTHER, "ALL", 2)));
        Agreement none = Agreement.of(List.of());

        assertThat(onlyOther.confirmed()).isEqualTo(2);
        assertThat(onlyOther.accuracy()).isZero();
        assertThat(onlyOther.accuracyHigh()).isBetween(0.5, 0.9);
        assertThat(none.confirmed()).isZero();
        assertThat(none.accuracy()).isNull();
        assertThat(none.rows()).extracting(Agreement.Row::recall).containsOnlyNulls();
    }
}
