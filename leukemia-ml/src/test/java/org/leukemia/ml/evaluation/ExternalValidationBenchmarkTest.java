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
import org.leukemia.ml.TrainedModel;
import org.leukemia.ml.TrainingProtocol;
import org.leukemia.ml.training.ConfidentZone;

/**
 * The target table of the project: a model trained on Lyon + Clermont by the quick protocol
 * (and, for comparison, one trained on the train.csv split of the same centres alone)
 * (every choice, including calibration, confident-zone cut-offs and the ambiguity threshold,
 * made by cross-validation inside those centres only) and the synthetic quick-start model,
 * against the published AI-PAL model on the external centres Nantes and Grenoble, pooled,
 * which none of them saw.
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

        TrainedModel onTrainSplit = new ModelTrainer(TrainingProtocol.quick())
                .train(CohortFiles.readCsv(folder.resolve("train.csv")), "train.csv", false);

        List<ScoredCase> ours = new ArrayList<>();
        List<ScoredCase> trainSplit = new ArrayList<>();
        List<ScoredCase> aipal = new ArrayList<>();
        List<ScoredCase> synthetic = new ArrayList<>();
        TrainedModel quickStart = DefaultModel.trainOnSyntheticCohort();
        for (String centre : EXTERNAL) {
            List<LabeledCase> cases = CohortFiles.readCsv(folder.resolve(centre + ".csv"));
            ours.addAll(ModelEvaluation.score(model, cases, centre));
            synthetic.addAll(ModelEvaluation.score(quickStart, cases, centre));
            trainSplit.addAll(ModelEvaluation.score(onTrainSplit, cases, centre));
            AipalPredictions.readCsv(folder.resolve(centre + "-aipal-predictions.csv"))
                    .forEach(r -> aipal.add(AipalPredictions.scored(r, centre)));
        }
        // of() checks that AI-PAL's rows are the same patients, in the same order
        EvaluationReport report = EvaluationReport.of("ours", ours, "AI-PAL", aipal);
        EvaluationReport.Figures o = report.overall().ours();
        EvaluationReport.Figures a = report.overall().comparison();
        EvaluationReport.Figures s = EvaluationReport.of("synthetic", synthetic, null, null)
                .overall().ours();
        EvaluationReport.Figures split = EvaluationReport.of("train.csv", trainSplit, null, null)
                .overall().ours();

        System.out.println("Training (quick protocol) took " + trainMs + " ms");
        System.out.println(model.modelCardMarkdown());
        System.out.println(report.toText());
        System.out.println("Target table, nantes + grenoble pooled (n = " + o.n() + ")");
        System.out.println("| measure | AI-PAL same patients | ours (real data)"
                + " | quick-start (synthetic) |");
        System.out.println("| --- | --- | --- | --- |");
        line("macro AUC (OvR)", a.macroAuc().estimate(), o.macroAuc().estimate(),
                s.macroAuc().estimate());
        for (Subtype t : Subtype.values()) {
            line("AUC " + t, a.auc().get(t).estimate(), o.auc().get(t).estimate(),
                    s.auc().get(t).estimate());
        }
        line("balanced accuracy", a.balancedAccuracy().estimate(),
                o.balancedAccuracy().estimate(), s.balancedAccuracy().estimate());
        line("accuracy", a.accuracy().estimate(), o.accuracy().estimate(),
                s.accuracy().estimate());
        line("Brier", a.brier(), o.brier(), s.brier());
        line("share confident", share(a.confident(), a.n()), share(o.confident(), o.n()),
                share(s.confident(), s.n()));
        line("correct when confident", share(a.confidentCorrect(), a.confident()),
                share(o.confidentCorrect(), o.confident()),
                share(s.confidentCorrect(), s.confident()));
        line("share flagged (unusual or ambiguous)", 0, share(o.outOfDistribution(), o.n()),
                share(s.outOfDistribution(), s.n()));
        line("share with the suggestion withheld (flagged too)", 0, share(o.withheld(), o.n()),
                share(s.withheld(), s.n()));
        line("accuracy, not flagged", a.accuracy().estimate(), o.inDistributionAccuracy(),
                s.inDistributionAccuracy());
        line("balanced accuracy, not flagged", a.balancedAccuracy().estimate(),
                o.inDistributionBalancedAccuracy(), s.inDistributionBalancedAccuracy());
        long mostProbableRight = ours.stream().filter(c -> c.truth().ordinal()
                == Metrics.argmax(c.row())).count();
        System.out.println(String.format(Locale.ROOT, "Most probable subtype (instead of the"
                + " decision rule) right for %.1f %% of our patients; APL recall %.3f (AI-PAL"
                + " %.3f)", 100.0 * mostProbableRight / ours.size(),
                o.recall().get(Subtype.APL), a.recall().get(Subtype.APL)));
        System.out.println(String.format(Locale.ROOT, "Trained on train.csv alone (477 of the"
                + " same patients): macro AUC %.3f, accuracy %.3f, balanced accuracy %.3f",
                split.macroAuc().estimate(), split.accuracy().estimate(),
                split.balancedAccuracy().estimate()));
        System.out.println("Confident cut-offs: AI-PAL " + AipalPredictions.CONFIDENT_CUTOFFS
                + ", ours " + model.metadata().confidentCutoffs());

        assertThat(o.n()).isEqualTo(561);
        // the reference figures of the data README: the comparison is read correctly
        assertThat(a.macroAuc().estimate()).isCloseTo(0.928, within(0.002));
        assertThat(a.accuracy().estimate()).isCloseTo(0.811, within(0.002));
        assertThat(share(a.confident(), a.n())).isCloseTo(0.227, within(0.002));
        // the continuous-integration thresholds
        assertThat(o.macroAuc().estimate()).isGreaterThanOrEqualTo(0.92);
        assertThat(o.balancedAccuracy().estimate()).isGreaterThanOrEqualTo(0.78);
        // cut-offs were chosen for 99 % precision on out-of-fold predictions
        assertThat(model.metadata().outOfFoldFigures().get("confident.ppv"))
                .isGreaterThanOrEqualTo(ConfidentZone.TARGET_PPV);
        assertThat(o.confident()).isPositive();
        // the flags pick out predictions that are more often wrong
        assertThat(o.inDistributionAccuracy()).isGreaterThan(o.accuracy().estimate());
        // trained on the training split alone, the model is still far above chance
        assertThat(split.n()).isEqualTo(561);
        assertThat(split.macroAuc().estimate()).isGreaterThan(0.9);
        // the quick-start model still discriminates, and is never confident
        assertThat(s.macroAuc().estimate()).isGreaterThan(0.85);
        assertThat(s.confident()).isZero();
    }

    private static double share(int k, int n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    private static void line(String measure, double aipal, double ours, double synthetic) {
        System.out.println(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |", measure,
                aipal, ours, synthetic));
    }
}
