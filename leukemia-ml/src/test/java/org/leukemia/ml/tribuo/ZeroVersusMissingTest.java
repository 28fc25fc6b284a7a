package org.leukemia.ml.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.TrainingSettings;
import org.leukemia.ml.features.FeatureSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** A measured zero must reach XGBoost as 0, never as missing. */
class ZeroVersusMissingTest {

    private static final FeatureSchema SCHEMA =
            new FeatureSchema(List.of(Parameter.AGE, Parameter.MONOCYTES));

    @Test
    void exampleKeepsMeasuredZeroAndOmitsMissing() {
        LabValues zero = LabValues.builder().set(Parameter.AGE, 40).set(Parameter.MONOCYTES, 0)
                .build();
        LabValues missing = LabValues.builder().set(Parameter.AGE, 40).build();

        Example<Label> zeroExample =
                XGBoostClassifier.example(LabelFactory.UNKNOWN_LABEL, SCHEMA, zero);
        Example<Label> missingExample =
                XGBoostClassifier.example(LabelFactory.UNKNOWN_LABEL, SCHEMA, missing);

        assertThat(features(zeroExample)).containsEntry("monocytes", 0.0).hasSize(2);
        assertThat(features(missingExample)).doesNotContainKey("monocytes").hasSize(1);
    }

    /**
     * ALL cases have monocytes 0, AML cases have no monocyte value, APL cases have 5. If a
     * zero were turned into missing, ALL and AML would be indistinguishable.
     */
    @Test
    void modelSeparatesZeroFromMissing() {
        List<LabeledCase> cases = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            double age = 20 + random.nextInt(60);
            cases.add(monocyteCase(i, Subtype.ALL, age, 0.0));
            cases.add(monocyteCase(i, Subtype.AML, age, Double.NaN));
            cases.add(monocyteCase(i, Subtype.APL, age, 5.0));
        }
        TrainingSettings settings = new TrainingSettings(1, 20, 2, 0.3, 1.0, 1.0, 1.0, 0, 1, 0, 1);
        XGBoostClassifier classifier = XGBoostClassifier.train(cases, SCHEMA, settings, "test");

        Map<Subtype, Double> zero = classifier.predict(
                LabValues.builder().set(Parameter.AGE, 50).set(Parameter.MONOCYTES, 0).build());
        Map<Subtype, Double> missing = classifier.predict(
                LabValues.builder().set(Parameter.AGE, 50).build());

        assertThat(zero.get(Subtype.ALL)).isGreaterThan(0.9);
        assertThat(missing.get(Subtype.AML)).isGreaterThan(0.9);
    }

    private static LabeledCase monocyteCase(int i, Subtype subtype, double age, double mono) {
        LabValues.Builder values = LabValues.builder().set(Parameter.AGE, age);
        if (!Double.isNaN(mono)) {
            values.set(Parameter.MONOCYTES, mono);
        }
        return new LabeledCase(subtype + "-" + i, subtype, values.build());
    }

    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> features = new java.util.HashMap<>();
        for (Feature f : example) {
            features.put(f.getName(), f.getValue());
        }
        return features;
    }
}
