package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultModelTest {

    @Test
    void quickStartModelSaysItWasTrainedOnSyntheticData() {
        TrainedModel model = DefaultModel.trainOnSyntheticCohort();
        ModelMetadata metadata = model.metadata();

        assertThat(metadata.syntheticTrainingData()).isTrue();
        assertThat(metadata.description()).contains("SYNTHETIC").contains("aggregate statistics")
                .contains("AI-PAL");
        assertThat(metadata.classCounts().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(DefaultModel.PATIENTS);

        LabValues aplLike = LabValues.builder().set(Parameter.AGE, 45).set(Parameter.WBC, 2.1)
                .set(Parameter.PLATELETS, 25).set(Parameter.FIBRINOGEN, 0.9)
                .set(Parameter.PT_PERCENT, 48).set(Parameter.MONOCYTES, 0.0)
                .set(Parameter.MONOCYTES_PERCENT, 0.0).set(Parameter.MCV, 92)
                .set(Parameter.LDH, 450).build();
        assertThat(model.predict(aplLike).predicted()).isEqualTo(Subtype.APL);
    }
}
