package org.leukemia.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversionNotesTest {

    @Test
    void eachSentenceGoesToTheParameterItNamesTheLongestNameWinning() {
        String stored = "Mean corpuscular haemoglobin concentration 34.4 read as g/dL; converted"
                + " to 344 g/L. Neutrophils (%) 140 exceeds 100 %; treated as missing."
                + " Fibrinogen '<0.5' is below the laboratory's limit; the limit 0.5 was used."
                + " Only 3 of the 14 values were given. Neutrophils derived from percentage"
                + " and WBC: 2.1 10^9/L. Fibrinogen 0.5 g/L converted to 0.5 g/L.";

        assertThat(ConversionNotes.byParameter(stored))
                .containsOnlyKeys("mchc", "neutrophils_pct", "fibrinogen", "neutrophils")
                .containsEntry("mchc", "Mean corpuscular haemoglobin concentration 34.4 read"
                        + " as g/dL; converted to 344 g/L.")
                .containsEntry("neutrophils_pct", "Neutrophils (%) 140 exceeds 100 %; treated"
                        + " as missing.")
                .containsEntry("neutrophils", "Neutrophils derived from percentage and WBC:"
                        + " 2.1 10^9/L.")
                .containsEntry("fibrinogen", "Fibrinogen '<0.5' is below the laboratory's"
                        + " limit; the limit 0.5 was used. Fibrinogen 0.5 g/L converted to"
                        + " 0.5 g/L.");
    }

    @Test
    void noNotesGiveNothing() {
        assertThat(ConversionNotes.byParameter(null)).isEmpty();
        assertThat(ConversionNotes.byParameter("  ")).isEmpty();
    }
}
