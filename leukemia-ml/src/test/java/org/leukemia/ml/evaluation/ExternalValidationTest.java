package org.leukemia.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.AipalData;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.DefaultModel;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.ModelTrainer;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.SubtypePrediction;
import org.leukemia.ml.TrainedModel;
import org.leukemia.ml.TrainingSettings;

/**
 * Trains on the AI-PAL training split and on the synthetic cohort, and compares both with the
 * published AI-PAL model on the external centres Nantes and Grenoble, which none of them saw.
 */
class ExternalValidationTest {

    private static final List<String> EXTERNAL = List.of("nantes", "grenoble");

    @Test
    void modelsDiscriminateSubtypesOnExternalCentres() throws IOException {
        Path folder = AipalData.folderOrSkip();
        List<LabeledCase> external = new ArrayList<>();
        List<SubtypePrediction> aipal = new ArrayList<>();
        for (String centre : EXTERNAL) {
            List<LabeledCase> cases = CohortFiles.readCsv(folder.resolve(centre + ".csv"));
            List<AipalPredictions.Row> rows =
                    AipalPredictions.readCsv(folder.resolve(centre + "-aipal-predictions.csv"));
            assertSameCases(cases, rows);
            external.addAll(cases);
            rows.forEach(r -> aipal.add(r.prediction()));
        }
        List<Subtype> truth = external.stream().map(LabeledCase::diagnosis).toList();

        TrainedModel real = new ModelTrainer(TrainingSettings.defaults())
                .train(CohortFiles.readCsv(folder.resolve("train.csv")), "train.csv", false);
        TrainedModel synthetic = DefaultModel.trainOnSyntheticCohort();

        ClassificationReport aipalReport = ClassificationReport.of(truth, aipal);
        ClassificationReport realReport = ModelEvaluation.evaluate(real, external);
        ClassificationReport syntheticReport = ModelEvaluation.evaluate(synthetic, external);

        System.out.println("External validation, nantes + grenoble pooled");
        System.out.println(String.format(Locale.ROOT, "%-38s %4s %8s %9s %7s %7s %7s",
                "model", "n", "accuracy", "macro AUC", "AUC ALL", "AUC AML", "AUC APL"));
        print("AI-PAL published model (reference)", aipalReport);
        print("XGBoost trained on train.csv", realReport);
        print("XGBoost trained on synthetic cohort", syntheticReport);

        assertThat(aipalReport.n()).isEqualTo(561);
        assertThat(aipalReport.macroAuc()).isCloseTo(0.928, within(0.002));
        assertThat(aipalReport.accuracy()).isCloseTo(0.811, within(0.002));
        assertThat(realReport.macroAuc()).isGreaterThan(0.85);
        assertThat(realReport.accuracy()).isGreaterThan(0.65);
        assertThat(syntheticReport.macroAuc()).isGreaterThan(0.75);
        assertThat(syntheticReport.accuracy()).isGreaterThan(0.5);
    }

    private static void assertSameCases(List<LabeledCase> cases, List<AipalPredictions.Row> rows) {
        assertThat(rows).hasSameSizeAs(cases);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(rows.get(i).caseId()).isEqualTo(cases.get(i).caseId());
            assertThat(rows.get(i).diagnosis()).isEqualTo(cases.get(i).diagnosis());
        }
    }

    private static void print(String model, ClassificationReport report) {
        System.out.println(String.format(Locale.ROOT, "%-38s %4d %8.3f %9.3f %7.3f %7.3f %7.3f",
                model, report.n(), report.accuracy(), report.macroAuc(),
                report.aucBySubtype().get(Subtype.ALL), report.aucBySubtype().get(Subtype.AML),
                report.aucBySubtype().get(Subtype.APL)));
    }
}
