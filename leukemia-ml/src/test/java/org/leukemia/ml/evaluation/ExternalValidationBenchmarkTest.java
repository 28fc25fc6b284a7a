package org.leukemia.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.AipalData;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.ModelTrainer;
import org.leukemia.ml.TrainedModel;
import org.leukemia.ml.TrainingProtocol;

/**
 * The target table of issue 3: a model trained on Lyon + Clermont by the quick protocol
 * (cross-validation inside those centres only) against the published AI-PAL model on the
 * external centres Nantes and Grenoble, pooled, which neither model saw.
 */
class ExternalValidationBenchmarkTest {

    private static final List<String> EXTERNAL = List.of("nantes", "grenoble");

    @Test
    void beatsTheContinuousIntegrationThresholdsOnExternalCentres() throws IOException {
        Path folder = AipalData.folderOrSkip();
        List<LabeledCase> training = new ArrayList<>(
                CohortFiles.readCsv(folder.resolve("lyon.csv")));
        training.addAll(CohortFiles.readCsv(folder.resolve("clermont.csv")));
        long start = System.nanoTime();
        TrainedModel model = new ModelTrainer(TrainingProtocol.quick())
                .train(training, "lyon.csv + clermont.csv", false);
        long trainMs = (System.nanoTime() - start) / 1_000_000;

        List<ScoredCase> ours = new ArrayList<>();
        List<ScoredCase> aipal = new ArrayList<>();
        for (String centre : EXTERNAL) {
            List<LabeledCase> cases = CohortFiles.readCsv(folder.resolve(centre + ".csv"));
            ours.addAll(ModelEvaluation.score(model, cases, centre));
            AipalPredictions.readCsv(folder.resolve(centre + "-aipal-predictions.csv"))
                    .forEach(r -> aipal.add(AipalPredictions.scored(r, centre)));
        }
        EvaluationReport report = EvaluationReport.of("ours", ours, "AI-PAL", aipal);
        EvaluationReport.Figures o = report.overall().ours();
        EvaluationReport.Figures a = report.overall().comparison();

        System.out.println("Training (quick protocol) took " + trainMs + " ms");
        System.out.println(model.modelCardMarkdown());
        System.out.println(report.toText());
        System.out.println("Target table, nantes + grenoble pooled (n = " + o.n() + ")");
        System.out.println("| measure | AI-PAL same patients | ours |");
        System.out.println("| --- | --- | --- |");
        line("macro AUC (OvR)", a.macroAuc().estimate(), o.macroAuc().estimate());
        line("balanced accuracy", a.balancedAccuracy().estimate(),
                o.balancedAccuracy().estimate());
        line("accuracy", a.accuracy().estimate(), o.accuracy().estimate());
        line("Brier", a.brier(), o.brier());
        line("share confident", (double) a.confident() / a.n(), (double) o.confident() / o.n());
        line("correct when confident", (double) a.confidentCorrect() / a.confident(),
                (double) o.confidentCorrect() / o.confident());
        line("share flagged out of distribution", 0, (double) o.outOfDistribution() / o.n());
        line("accuracy, not flagged", a.accuracy().estimate(), o.inDistributionAccuracy());

        assertThat(o.n()).isEqualTo(561);
        assertThat(o.macroAuc().estimate()).isGreaterThanOrEqualTo(0.92);
        assertThat(o.balancedAccuracy().estimate()).isGreaterThanOrEqualTo(0.78);
    }

    private static void line(String measure, double aipal, double ours) {
        System.out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f |", measure, aipal,
                ours));
    }
}
