package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowOutcomeTest {

    @Test
    void aRowsWarningsReadAsSentencesOneAfterTheOther() {
        assertThat(RowOutcome.sentences(List.of("Save it in Excel and upload it again",
                "Outside the model's experience: LDH 45000 is beyond training.",
                "MCHC converted (34 read as g/dL.)", " ", "Is it right?")))
                .isEqualTo("Save it in Excel and upload it again. Outside the model's"
                        + " experience: LDH 45000 is beyond training. MCHC converted (34 read"
                        + " as g/dL.) Is it right?");
        assertThat(RowOutcome.sentences(List.of())).isEmpty();
    }
}
