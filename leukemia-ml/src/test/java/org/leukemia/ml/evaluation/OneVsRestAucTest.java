package org.leukemia.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;

class OneVsRestAucTest {

    @TempDir
    Path dir;

    @Test
    void perfectReversedAndTiedRankings() {
        boolean[] positive = {false, false, true, true};

        assertThat(OneVsRestAuc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, positive)).isEqualTo(1.0);
        assertThat(OneVsRestAuc.auc(new double[] {0.9, 0.8, 0.2, 0.1}, positive)).isEqualTo(0.0);
        assertThat(OneVsRestAuc.auc(new double[] {0.5, 0.5, 0.5, 0.5}, positive)).isEqualTo(0.5);
    }

    @Test
    void countsPairsWithTiesAsHalf() {
        // pairs (pos, neg): 0.6>0.4 yes, 0.6>0.6 tie, 0.3>0.4 no, 0.3<0.6 no -> 1.5 / 4
        double auc = OneVsRestAuc.auc(new double[] {0.4, 0.6, 0.6, 0.3},
                new boolean[] {false, false, true, true});
        assertThat(auc).isCloseTo(0.375, within(1e-12));
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> OneVsRestAuc.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportComputesAccuracyAndMacroAuc() {
        List<Subtype> truth = List.of(Subtype.ALL, Subtype.AML, Subtype.APL, Subtype.AML);
        List<SubtypePrediction> predictions = List.of(
                prediction(0.8, 0.1, 0.1), prediction(0.2, 0.7, 0.1),
                prediction(0.1, 0.2, 0.7), prediction(0.6, 0.15, 0.25));

        ClassificationReport report = ClassificationReport.of(truth, predictions);

        assertThat(report.n()).isEqualTo(4);
        assertThat(report.accuracy()).isEqualTo(0.75);
        assertThat(report.aucBySubtype()).containsEntry(Subtype.ALL, 1.0)
                .containsEntry(Subtype.AML, 0.75).containsEntry(Subtype.APL, 1.0);
        assertThat(report.macroAuc()).isCloseTo(2.75 / 3, within(1e-12));
    }

    @Test
    void readsAipalPredictionFile() throws IOException {
        Path file = dir.resolve("invented-aipal-predictions.csv");
        Files.writeString(file, "case_id,diagnosis,p_ALL,p_AML,p_APL\n"
                + "x-1,APL,0.1,0.2,0.7\nx-2,ALL,0.5,0.25,0.25\n");

        List<AipalPredictions.Row> rows = AipalPredictions.readCsv(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).caseId()).isEqualTo("x-1");
        assertThat(rows.get(0).diagnosis()).isEqualTo(Subtype.APL);
        assertThat(rows.get(0).prediction().probability(Subtype.APL)).isEqualTo(0.7);
        assertThat(rows.get(1).prediction().predicted()).isEqualTo(Subtype.ALL);
    }

    private static SubtypePrediction prediction(double all, double aml, double apl) {
        return new SubtypePrediction(Map.of(Subtype.ALL, all, Subtype.AML, aml, Subtype.APL, apl),
                List.of());
    }
}
