package org.leukemia.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Subtype;

class EvaluationReportTest {

    private static ScoredCase scored(String id, String centre, Subtype truth, double all,
            double aml, boolean confident, boolean ood) {
        Map<Subtype, Double> p = Map.of(Subtype.ALL, all, Subtype.AML, aml, Subtype.APL,
                1 - all - aml);
        Subtype decision = all >= aml && all >= 1 - all - aml ? Subtype.ALL
                : aml >= 1 - all - aml ? Subtype.AML : Subtype.APL;
        return new ScoredCase(id, centre, truth, p, decision, confident, ood,
                ood && id.equals("c3"));
    }

    private static List<ScoredCase> cohort(double noise) {
        List<ScoredCase> cases = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String centre = i < 15 ? "a" : "b";
            Subtype truth = Subtype.values()[i % 3];
            double shift = (i % 5 == 0) ? noise : 0;
            double all = truth == Subtype.ALL ? 0.8 - shift : 0.1 + shift / 2;
            double aml = truth == Subtype.AML ? 0.8 - shift : 0.1 + shift / 2;
            cases.add(scored("c" + i, centre, truth, all, aml, i % 2 == 0, i == 3));
        }
        return cases;
    }

    @Test
    void sectionsPerCentreAndPooledWithComparison() {
        EvaluationReport report = EvaluationReport.of("ours", cohort(0.0), "theirs",
                cohort(0.7));

        assertThat(report.sections()).extracting(EvaluationReport.Section::name)
                .containsExactly("a", "b", EvaluationReport.POOLED);
        EvaluationReport.Figures ours = report.overall().ours();
        EvaluationReport.Figures theirs = report.overall().comparison();
        assertThat(ours.n()).isEqualTo(30);
        assertThat(ours.accuracy().estimate()).isEqualTo(1.0);
        assertThat(ours.macroAuc().estimate()).isEqualTo(1.0);
        assertThat(theirs.accuracy().estimate()).isLessThan(1.0);
        assertThat(ours.confident()).isEqualTo(15);
        assertThat(ours.confidentCorrect()).isEqualTo(15);
        assertThat(ours.outOfDistribution()).isEqualTo(1);
        assertThat(ours.withheld()).isEqualTo(1);
        assertThat(theirs.withheld()).isEqualTo(1);
        assertThat(ours.brier()).isLessThan(theirs.brier());
        String text = report.toText();
        assertThat(text).contains("== a (n = 15) ==").contains("== pooled (n = 30) ==")
                .contains("macro AUC (OvR)").contains("theirs").contains("Reliability")
                .containsPattern("of which suggestion withheld +\\| 1 / 30 .*\\| 1 / 30")
                .containsPattern("(?s)== a \\(n = 15\\) ==.*?of which suggestion withheld +\\| 1 / 15 ");
    }

    @Test
    void comparisonMustCoverTheSamePatients() {
        List<ScoredCase> other = new ArrayList<>(cohort(0.0));
        other.set(4, scored("x", "a", Subtype.ALL, 0.5, 0.3, false, false));
        assertThatThrownBy(() -> EvaluationReport.of("ours", cohort(0.0), "theirs", other))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
