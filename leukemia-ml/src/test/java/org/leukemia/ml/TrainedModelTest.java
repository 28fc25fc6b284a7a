package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainedModelTest {

    private static final TrainingSettings FAST = TrainingSettings.defaults().withNumTrees(30);
    private static List<LabeledCase> cohort;
    private static TrainedModel model;

    @BeforeAll
    static void train() {
        cohort = SyntheticCohort.draw(400, 11);
        model = new ModelTrainer(FAST).train(cohort, "synthetic test cohort", true);
    }

    @Test
    void sameDataAndSettingsGiveIdenticalProbabilities() {
        TrainedModel again = new ModelTrainer(FAST).train(cohort, "synthetic test cohort", true);
        for (LabeledCase c : cohort.subList(0, 50)) {
            assertThat(again.predict(c.values()).probabilities())
                    .isEqualTo(model.predict(c.values()).probabilities());
        }
    }

    @Test
    void anotherSeedGivesOtherProbabilities() {
        TrainedModel other = new ModelTrainer(FAST.withSeed(99))
                .train(cohort, "synthetic test cohort", true);
        boolean anyDifferent = cohort.subList(0, 50).stream().anyMatch(c -> !other
                .predict(c.values()).probabilities().equals(model.predict(c.values())
                        .probabilities()));
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void bundleRoundTripKeepsProbabilitiesMetadataAndProvenance() {
        TrainedModel restored = TrainedModel.fromBytes(model.toBytes());

        for (LabeledCase c : cohort.subList(0, 50)) {
            assertThat(restored.predict(c.values()).probabilities())
                    .isEqualTo(model.predict(c.values()).probabilities());
        }
        assertThat(restored.metadata()).isEqualTo(model.metadata());
        assertThat(restored.provenanceJson()).isEqualTo(model.provenanceJson());
    }

    @Test
    void metadataDescribesTrainingRun() {
        ModelMetadata metadata = model.metadata();
        assertThat(metadata.syntheticTrainingData()).isTrue();
        assertThat(metadata.description()).contains("SYNTHETIC");
        assertThat(metadata.classCounts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(400);
        assertThat(metadata.trainingDataSha256()).hasSize(64).matches("[0-9a-f]+");
        assertThat(metadata.hyperparameters()).containsEntry("numTrees", "30")
                .containsEntry("maxDepth", "4").containsEntry("eta", "0.05");
        assertThat(metadata.seed()).isEqualTo(TrainingSettings.DEFAULT_SEED);
        assertThat(metadata.tribuoVersion()).isEqualTo("4.3.2");
        assertThat(metadata.features()).contains("monocytes", "pt_pct", "ldh")
                .doesNotContain("haemoglobin", "rbc");
    }

    @Test
    void syntheticModelsAreNeverConfident() {
        assertThat(model.metadata().confidentCutoffs().values())
                .allMatch(v -> v > 1.0).hasSize(3);
        assertThat(cohort).noneMatch(c -> model.predict(c.values()).confident());
        assertThat(model.modelCardMarkdown()).contains("no prediction is ever confident");
    }

    @Test
    void provenanceIsTribuoJson() {
        assertThat(model.provenanceJson()).startsWith("[")
                .contains("XGBoostClassificationTrainer").contains("synthetic test cohort");
    }

    @Test
    void predictionNotesMissingAndIgnoredValues() {
        LabValues values = LabValues.builder().set(Parameter.AGE, 30).set(Parameter.WBC, 80)
                .set(Parameter.HAEMOGLOBIN, 85).build();
        SubtypePrediction prediction = model.predict(values);

        assertThat(prediction.probabilities().values().stream().mapToDouble(d -> d).sum())
                .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(prediction.notes()).anyMatch(n -> n.contains("Lactate dehydrogenase"))
                .anyMatch(n -> n.startsWith("Not used") && n.contains("Haemoglobin"))
                .anyMatch(n -> n.contains("synthetic"));
    }

    @Test
    void haemoglobinDoesNotChangeThePrediction() {
        LabValues values = cohort.get(0).values();
        LabValues withHaemoglobin = LabValues.builder().set(Parameter.HAEMOGLOBIN, 70).build();
        LabValues.Builder both = LabValues.builder().set(Parameter.HAEMOGLOBIN, 70);
        values.asMap().forEach(both::set);
        assertThat(model.predict(both.build()).probabilities())
                .isEqualTo(model.predict(values).probabilities());
        assertThat(withHaemoglobin.asMap()).hasSize(1);
    }

    @Test
    void concurrentPredictionsEqualSequentialOnes() throws Exception {
        List<LabeledCase> sample = cohort.subList(0, 100);
        List<java.util.Map<Subtype, Double>> sequential =
                sample.stream().map(c -> model.predict(c.values()).probabilities()).toList();
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<java.util.Map<Subtype, Double>>> futures =
                    new java.util.ArrayList<>();
            for (LabeledCase c : sample) {
                futures.add(pool.submit(() -> model.predict(c.values()).probabilities()));
            }
            for (int i = 0; i < sample.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPredictionFromFewValuesIsFlaggedAndItsSuggestionWithheld() {
        LabValues few = LabValues.builder().set(Parameter.WBC, 5.0).set(Parameter.AGE, 40)
                .build();

        SubtypePrediction prediction = model.predict(few);

        assertThat(prediction.outOfDistribution()).isTrue();
        assertThat(prediction.confident()).isFalse();
        assertThat(prediction.outOfDistributionReasons())
                .anySatisfy(r -> assertThat(r).contains("Only 2 of the 14 values"));
        assertThat(prediction.withheld()).isTrue();
        assertThat(prediction.notes()).anySatisfy(n -> assertThat(n)
                .startsWith("No subtype is suggested"));
        SubtypePrediction complete = model.predict(cohort.get(0).values());
        assertThat(complete.outOfDistributionReasons())
                .noneSatisfy(r -> assertThat(r).contains("values the model uses"));
        assertThat(complete.withheld()).isFalse();
    }

    @Test
    void aValueFarBeyondTrainingWithholdsTheSuggestionAndOneJustBeyondOnlyFlagsIt() {
        LabValues typical = cohort.get(0).values();
        double highest = model.metadata().distributionGuard().max()[model.metadata()
                .distributionGuard().features().indexOf(Parameter.LDH.key())];
        SubtypePrediction justBeyond = model.predict(with(typical, Parameter.LDH,
                highest * 1.5));
        // a WBC "in /mm3" of 12.5, read as 0.0125 x 10^9/L
        SubtypePrediction wrongUnit = model.predict(with(typical, Parameter.WBC, 0.0125));
        SubtypePrediction tenfold = model.predict(with(typical, Parameter.LDH,
                highest * 11));

        assertThat(justBeyond.outOfDistribution()).isTrue();
        assertThat(justBeyond.outOfDistributionReasons()).anySatisfy(r -> assertThat(r)
                .startsWith("Lactate dehydrogenase").contains("is beyond anything seen"));
        assertThat(justBeyond.withheld()).isFalse();
        for (SubtypePrediction far : List.of(wrongUnit, tenfold)) {
            assertThat(far.withheld()).isTrue();
            assertThat(far.confident()).isFalse();
            assertThat(far.outOfDistributionReasons()).anySatisfy(r -> assertThat(r)
                    .contains("far beyond anything seen in training", "unit or typing error"));
            assertThat(far.notes()).anySatisfy(n -> assertThat(n)
                    .startsWith("No subtype is suggested: a result lies far beyond"));
        }
    }

    @Test
    void aSuggestionThatRestsOnMissingResultsIsFlaggedAndWithheld() {
        List<Parameter> differential = List.of(Parameter.NEUTROPHILS,
                Parameter.NEUTROPHILS_PERCENT, Parameter.LYMPHOCYTES,
                Parameter.LYMPHOCYTES_PERCENT, Parameter.MONOCYTES, Parameter.MONOCYTES_PERCENT);
        var guard = model.metadata().distributionGuard();
        List<Parameter> used = model.metadata().features().stream()
                .map(k -> Parameter.fromKey(k).orElseThrow()).toList();
        int restingOnAbsence = 0;
        for (LabeledCase c : cohort) {
            LabValues.Builder without = LabValues.builder();
            c.values().asMap().forEach((p, v) -> {
                if (!differential.contains(p)) {
                    without.set(p, v);
                }
            });
            LabValues gaps = without.build();
            if (used.stream().filter(p -> gaps.get(p).isPresent()).count() < 7) {
                continue; // flagged for having too few values, tested above
            }
            SubtypePrediction gap = model.predict(gaps);
            // the missing inputs take the training quartiles and median, all together
            boolean changes = false;
            for (int percent : new int[] {25, 50, 75}) {
                LabValues.Builder filled = LabValues.builder();
                gaps.asMap().forEach(filled::set);
                for (Parameter p : used) {
                    if (gaps.get(p).isEmpty()) {
                        filled.set(p, guard.quantile(p, percent).orElseThrow());
                    }
                }
                changes |= model.predict(filled.build()).predicted() != gap.predicted();
            }
            boolean flagged = gap.outOfDistributionReasons().stream()
                    .anyMatch(r -> r.startsWith("The suggestion rests on missing results"));

            assertThat(flagged).as(c.toString()).isEqualTo(changes);
            assertThat(gap.withheld()).as(c.toString()).isEqualTo(flagged);
            if (flagged) {
                restingOnAbsence++;
                assertThat(gap.outOfDistributionReasons()).anySatisfy(r -> assertThat(r)
                        .contains("Neutrophils (%)", "Monocytes", "the model's answer changes")
                        .doesNotContain("would suggest"));
                assertThat(gap.confident()).isFalse();
            }
        }
        assertThat(restingOnAbsence).as("cases whose suggestion changes with ordinary values")
                .isPositive();
        assertThat(cohort).noneMatch(c -> model.predict(c.values()).outOfDistributionReasons()
                .stream().anyMatch(r -> r.startsWith("The suggestion rests")
                        && model.predict(c.values()).notes().stream()
                                .noneMatch(n -> n.startsWith("Missing results"))));
    }

    @Test
    void aBatchPredictionIsExactlyTheOneByOnePrediction() {
        List<LabValues> patients = cohort.subList(0, 200).stream().map(LabeledCase::values)
                .toList();

        List<SubtypePrediction> batch = model.predictAll(patients);

        assertThat(batch).hasSize(200);
        for (int i = 0; i < patients.size(); i++) {
            assertThat(batch.get(i)).isEqualTo(model.predict(patients.get(i)));
        }
    }

    @Test
    void predictionsWithoutExplanationsAreTheSameAndExplainedLaterIdentically() {
        List<LabValues> patients = cohort.subList(0, 50).stream().map(LabeledCase::values)
                .toList();

        List<SubtypePrediction> quick = model.predictAll(patients, false);

        for (int i = 0; i < patients.size(); i++) {
            SubtypePrediction full = model.predict(patients.get(i));
            assertThat(quick.get(i).contributions()).isEmpty();
            assertThat(quick.get(i).probabilities()).isEqualTo(full.probabilities());
            assertThat(quick.get(i).predicted()).isEqualTo(full.predicted());
            assertThat(quick.get(i).outOfDistributionReasons())
                    .isEqualTo(full.outOfDistributionReasons());
            assertThat(model.explain(patients.get(i))).isEqualTo(full.contributions())
                    .isNotEmpty();
        }
    }

    @Test
    void noPatientsGiveNoPredictions() {
        assertThat(model.predictAll(List.of())).isEmpty();
        assertThat(model.predictAll(List.of(), false)).isEmpty();
    }

    @Test
    void garbageIsNotAModel() {
        assertThatThrownBy(() -> TrainedModel.fromBytes(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingNeedsEverySubtype() {
        List<LabeledCase> withoutApl =
                cohort.stream().filter(c -> c.diagnosis() != Subtype.APL).toList();
        assertThatThrownBy(() -> new ModelTrainer(FAST).train(withoutApl, "x", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("APL");
    }

    /** The values with one of them replaced. */
    private static LabValues with(LabValues values, Parameter parameter, double value) {
        LabValues.Builder builder = LabValues.builder();
        values.asMap().forEach(builder::set);
        return builder.set(parameter, value).build();
    }
}
