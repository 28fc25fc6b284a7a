package org.leukemia.ml.selection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.AipalData;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.ModelTrainer;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.TrainedModel;
import org.leukemia.ml.TrainingProtocol;
import org.leukemia.ml.evaluation.Metrics;
import org.leukemia.ml.evaluation.ModelEvaluation;
import org.leukemia.ml.evaluation.ScoredCase;
import org.leukemia.ml.training.StratifiedFolds;

/**
 * Compares changes to the training pipeline on the two development centres only (lyon and
 * clermont), never on the external ones: the whole pipeline of the quick protocol (design
 * search, calibration, decision rule, confident zone, guard) is trained on lyon and scored on
 * clermont, trained on clermont and scored on lyon, and cross-validated on both centres
 * pooled (stratified 5-fold, {@code selection.repeats} times with other folds).
 *
 * <p>It prints, for each scheme, the macro one-versus-rest AUC, the balanced accuracy, the
 * accuracy, the share flagged as unusual or ambiguous and the accuracy on the others, and
 * the confident zone's share and precision. It takes some minutes, so it runs only when
 * asked (its name is not one that the build's test runs pick up, and without
 * {@code selection.run} it is skipped):
 * <pre>
 * mvn -pl leukemia-ml -am test -Dtest=PipelineSelectionHarness \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dselection.run=true -Dselection.repeats=2 \
 *     -Daipal.dir=...
 * </pre>
 * {@code selection.label} names the run in the printed table.
 */
class PipelineSelectionHarness {

    private static final int FOLDS = 5;
    private static final long FOLD_SEED = 97L;

    /** Figures of one scheme. */
    private record Scores(String scheme, int n, double macroAuc, double balancedAccuracy,
            double accuracy, double flagged, double unflaggedAccuracy, double confident,
            double confidentPrecision) {

        static Scores of(String scheme, List<ScoredCase> cases) {
            int k = Subtype.values().length;
            int[] truth = cases.stream().mapToInt(c -> c.truth().ordinal()).toArray();
            int[] decided = cases.stream().mapToInt(c -> c.decision().ordinal()).toArray();
            double[][] p = cases.stream().map(ScoredCase::row).toArray(double[][]::new);
            int[][] confusion = Metrics.confusion(truth, decided, k);
            int flagged = 0;
            int keptCorrect = 0;
            int confident = 0;
            int confidentCorrect = 0;
            for (ScoredCase c : cases) {
                boolean right = c.decision() == c.truth();
                if (c.outOfDistribution()) {
                    flagged++;
                } else if (right) {
                    keptCorrect++;
                }
                if (c.confident()) {
                    confident++;
                    confidentCorrect += right ? 1 : 0;
                }
            }
            int n = cases.size();
            return new Scores(scheme, n, Metrics.macroAuc(truth, p, k),
                    Metrics.balancedAccuracy(confusion), Metrics.accuracy(confusion),
                    (double) flagged / n, (double) keptCorrect / Math.max(1, n - flagged),
                    (double) confident / n,
                    confident == 0 ? Double.NaN : (double) confidentCorrect / confident);
        }

        static Scores mean(String scheme, List<Scores> parts) {
            return new Scores(scheme, parts.stream().mapToInt(Scores::n).sum(),
                    parts.stream().mapToDouble(Scores::macroAuc).average().orElseThrow(),
                    parts.stream().mapToDouble(Scores::balancedAccuracy).average().orElseThrow(),
                    parts.stream().mapToDouble(Scores::accuracy).average().orElseThrow(),
                    parts.stream().mapToDouble(Scores::flagged).average().orElseThrow(),
                    parts.stream().mapToDouble(Scores::unflaggedAccuracy).average()
                            .orElseThrow(),
                    parts.stream().mapToDouble(Scores::confident).average().orElseThrow(),
                    parts.stream().mapToDouble(Scores::confidentPrecision).average()
                            .orElseThrow());
        }

        String line() {
            return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.1f %% | %.3f"
                    + " | %.1f %% | %.3f |", scheme, n, macroAuc, balancedAccuracy, accuracy,
                    100 * flagged, unflaggedAccuracy, 100 * confident, confidentPrecision);
        }
    }

    @Test
    void comparesThePipelineOnTheDevelopmentCentres() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("selection.run"),
                "selection harness runs only with -Dselection.run=true");
        Path folder = AipalData.folderOrSkip();
        List<LabeledCase> lyon = CohortFiles.readCsv(folder.resolve("lyon.csv"));
        List<LabeledCase> clermont = CohortFiles.readCsv(folder.resolve("clermont.csv"));
        String label = System.getProperty("selection.label", "current pipeline");
        int repeats = Integer.getInteger("selection.repeats", 1);
        long start = System.nanoTime();

        List<Scores> rows = new ArrayList<>();
        Scores toClermont = Scores.of("lyon -> clermont",
                ModelEvaluation.score(train(lyon, "lyon.csv"), clermont, "clermont"));
        Scores toLyon = Scores.of("clermont -> lyon",
                ModelEvaluation.score(train(clermont, "clermont.csv"), lyon, "lyon"));
        rows.add(toClermont);
        rows.add(toLyon);
        rows.add(Scores.mean("leave-one-centre-out, mean", List.of(toClermont, toLyon)));

        List<LabeledCase> pooled = new ArrayList<>(lyon);
        pooled.addAll(clermont);
        int[] truth = pooled.stream().mapToInt(c -> c.diagnosis().ordinal()).toArray();
        List<Scores> cv = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            int[] folds = StratifiedFolds.assign(truth, FOLDS, FOLD_SEED + r);
            List<ScoredCase> scored = new ArrayList<>();
            for (int f = 0; f < FOLDS; f++) {
                List<LabeledCase> fit = new ArrayList<>();
                List<LabeledCase> held = new ArrayList<>();
                for (int i = 0; i < pooled.size(); i++) {
                    (folds[i] == f ? held : fit).add(pooled.get(i));
                }
                scored.addAll(ModelEvaluation.score(train(fit, "lyon + clermont, fold " + f),
                        held, "pooled"));
            }
            cv.add(Scores.of("pooled 5-fold CV, repeat " + (r + 1), scored));
        }
        rows.addAll(cv);
        rows.add(Scores.mean("pooled CV, mean", cv));

        System.out.println("Pipeline selection on the development centres: " + label + " ("
                + (System.nanoTime() - start) / 1_000_000_000 + " s)");
        System.out.println("| scheme | n | macro AUC | balanced acc. | accuracy | flagged"
                + " | accuracy not flagged | confident | confident precision |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(s -> System.out.println(s.line()));
    }

    private static TrainedModel train(List<LabeledCase> cases, String source) {
        return new ModelTrainer(TrainingProtocol.quick()).train(cases, source, false);
    }
}
