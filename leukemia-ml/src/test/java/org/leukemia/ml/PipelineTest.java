package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.training.ConfidentZone;
import org.leukemia.ml.training.CvResult;
import org.leukemia.ml.training.DistributionGuard;
import org.leukemia.ml.training.RankLogisticRegression;

/** The training pipeline on a small synthetic cohort with a two-design search. */
class PipelineTest {

    private static final TrainingProtocol SMALL = new TrainingProtocol(
            List.of(TrainingSettings.defaults().withNumTrees(40)), List.of(false, true),
            List.of(true), 4, 2, 7L);
    private static List<LabeledCase> cohort;
    private static TrainedModel model;

    @BeforeAll
    static void train() {
        cohort = SyntheticCohort.draw(600, 5);
        // flagged as real so that the confident zone is fitted (it is left empty otherwise)
        model = new ModelTrainer(SMALL).train(cohort, "generated pipeline cohort", false);
    }

    @Test
    void sameDataAndProtocolGiveIdenticalProbabilitiesAndMemberBytes() {
        TrainedModel again = new ModelTrainer(SMALL).train(cohort, "generated pipeline cohort",
                false);
        for (LabeledCase c : cohort.subList(0, 200)) {
            assertThat(again.predict(c.values()).probabilities())
                    .isEqualTo(model.predict(c.values()).probabilities());
        }
        assertThat(again.metadata().calibration()).isEqualTo(model.metadata().calibration());
        assertThat(again.metadata().crossValidation())
                .isEqualTo(model.metadata().crossValidation());
    }

    @Test
    void crossValidationRecordsEveryDesignAndMarksOne() {
        List<CvResult> cv = model.metadata().crossValidation();
        assertThat(cv).hasSize(2);
        assertThat(cv).filteredOn(CvResult::chosen).hasSize(1);
        CvResult chosen = cv.stream().filter(CvResult::chosen).findFirst().orElseThrow();
        assertThat(cv).allMatch(r -> r.score() <= chosen.score());
        assertThat(model.metadata().hyperparameters().get(TrainedModel.DERIVED_FEATURES))
                .isEqualTo(chosen.settings().get(TrainedModel.DERIVED_FEATURES));
        assertThat(model.ensembleSize()).isEqualTo(2);
    }

    @Test
    void roundTripKeepsEverythingAndTheCardComesFromTheRecords() {
        TrainedModel restored = TrainedModel.fromBytes(model.toBytes());
        for (LabeledCase c : cohort.subList(0, 100)) {
            SubtypePrediction a = model.predict(c.values());
            SubtypePrediction b = restored.predict(c.values());
            assertThat(b.probabilities()).isEqualTo(a.probabilities());
            assertThat(b.contributions()).isEqualTo(a.contributions());
            assertThat(b.confident()).isEqualTo(a.confident());
        }
        assertThat(restored.metadata()).isEqualTo(model.metadata());
        assertThat(restored.toBytes()).isEqualTo(model.toBytes());
        String card = restored.modelCardMarkdown();
        assertThat(card).contains(model.metadata().trainingDataSha256())
                .contains("generated pipeline cohort").contains("## Cross-validation")
                .contains(model.metadata().crossValidation().get(0).candidate())
                .contains(String.format(java.util.Locale.ROOT, "%.4f",
                        model.metadata().calibration().temperature()));
    }

    @Test
    void theLogisticRegressionIsRecordedWithTheWeightCrossValidationGaveIt() {
        double weight = Double.parseDouble(
                model.metadata().hyperparameters().get("logisticRegressionWeight"));
        assertThat(RankLogisticRegression.BLEND_WEIGHTS).contains(weight);
        RankLogisticRegression linear = model.metadata().linearModel();
        if (weight == 0) {
            assertThat(linear).isNull();
        } else {
            assertThat(linear.weight()).isEqualTo(weight);
            assertThat(linear.coefficients().length).isEqualTo(Subtype.values().length);
        }
        assertThat(model.metadata().outOfFoldFigures()).containsKey("treesOnly.macroAuc");
        assertThat(model.modelCardMarkdown()).contains("## Logistic regression on ranks");
    }

    @Test
    void contributionsAddUpToTheCalibratedLogOdds() {
        LabValues a = cohort.get(0).values();
        LabValues b = cohort.get(1).values();
        SubtypePrediction pa = model.predict(a);
        SubtypePrediction pb = model.predict(b);
        for (Subtype s : List.of(Subtype.AML, Subtype.APL)) {
            double logOddsA = Math.log(pa.probability(s) / pa.probability(Subtype.ALL));
            double logOddsB = Math.log(pb.probability(s) / pb.probability(Subtype.ALL));
            double sumA = sum(pa.contributions(), s) - sum(pa.contributions(), Subtype.ALL);
            double sumB = sum(pb.contributions(), s) - sum(pb.contributions(), Subtype.ALL);
            // the baseline cancels between two patients
            assertThat(sumA - sumB).isCloseTo(logOddsA - logOddsB, within(1e-3));
        }
        assertThat(pa.contributions()).containsKeys(Parameter.WBC, Parameter.LDH)
                .doesNotContainKey(Parameter.HAEMOGLOBIN);
    }

    private static double sum(Map<Parameter, Map<Subtype, Double>> contributions, Subtype s) {
        return contributions.values().stream().mapToDouble(m -> m.get(s)).sum();
    }

    @Test
    void confidentPredictionsRespectTheCutoffs() {
        Map<Subtype, Double> cut = model.metadata().confidentCutoffs();
        assertThat(cut).hasSize(3);
        int confident = 0;
        for (LabeledCase c : cohort) {
            SubtypePrediction p = model.predict(c.values());
            if (p.confident()) {
                confident++;
                assertThat(p.confidence()).isGreaterThanOrEqualTo(cut.get(p.predicted()));
                assertThat(p.outOfDistribution()).isFalse();
            }
        }
        assertThat(confident).isPositive();
        assertThat(cut.values()).allMatch(v -> v > 0.33 && v <= ConfidentZone.NEVER);
    }

    @Test
    void absurdValuesAreFlaggedWithAReason() {
        LabValues.Builder builder = LabValues.builder();
        cohort.get(0).values().asMap().forEach(builder::set);
        builder.set(Parameter.LDH, 450_000);
        SubtypePrediction p = model.predict(builder.build());

        assertThat(p.outOfDistribution()).isTrue();
        assertThat(p.confident()).isFalse();
        assertThat(p.outOfDistributionReasons()).anyMatch(r -> r.startsWith(
                "Lactate dehydrogenase 450000 U/L lies far beyond anything seen in training"));
        assertThat(p.withheld()).as("far beyond the training range").isTrue();
        DistributionGuard guard = model.metadata().distributionGuard();
        long unusual = cohort.stream().filter(c -> !guard.check(c.values()).isEmpty()).count();
        // the distance threshold is the training 99th percentile; ranges cover training
        assertThat(unusual).isLessThanOrEqualTo(cohort.size() / 50);
        long flagged = cohort.stream().filter(c -> model.predict(c.values())
                .outOfDistribution()).count();
        // plus the ambiguous ones: 15 % of out-of-fold predictions, fewer in sample
        assertThat(flagged).isLessThanOrEqualTo(
                Math.round(cohort.size() * (DistributionGuard.AMBIGUOUS_SHARE + 0.02)));
    }

    @Test
    void uncertainPredictionsAreFlaggedAsAmbiguous() {
        DistributionGuard guard = model.metadata().distributionGuard();
        double threshold = guard.ambiguityThreshold();
        assertThat(threshold).isGreaterThan(1.0 / 3).isLessThan(0.9);
        assertThat(model.metadata().outOfFoldFigures().get("ambiguous.share"))
                .isCloseTo(DistributionGuard.AMBIGUOUS_SHARE, within(0.01));
        // out of fold, the flagged predictions were the less accurate ones
        assertThat(model.metadata().outOfFoldFigures().get("notAmbiguous.accuracy"))
                .isGreaterThan(model.metadata().outOfFoldFigures().get("ensemble.accuracy"));
        LabValues values = cohort.get(0).values();
        assertThat(guard.check(values, threshold - 0.01))
                .anyMatch(r -> r.startsWith("Ambiguous: the proposed subtype has probability"));
        assertThat(guard.check(values, threshold)).isEqualTo(guard.check(values));
        for (LabeledCase c : cohort.subList(0, 100)) {
            SubtypePrediction p = model.predict(c.values());
            boolean ambiguous = p.confidence() < threshold;
            assertThat(p.outOfDistributionReasons().stream()
                    .anyMatch(r -> r.startsWith("Ambiguous"))).isEqualTo(ambiguous);
            assertThat(p.notes().stream().anyMatch(n -> n.startsWith(
                    "The model is unsure of the subtype"))).isEqualTo(ambiguous);
            assertThat(p.notes().stream().anyMatch(n -> n.startsWith(
                    "These results are unlike the training data"))).isEqualTo(
                            !model.metadata().distributionGuard().check(c.values()).isEmpty());
        }
    }
}
