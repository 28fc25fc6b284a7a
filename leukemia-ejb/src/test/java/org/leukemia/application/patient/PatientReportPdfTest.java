package org.leukemia.application.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.leukemia.application.prediction.Contributions;

class PatientReportPdfTest {

    private static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 11, 30, 9, 15);

    @Test
    void theReportHoldsTheRecordItsPredictionsAndTheDisclaimer() throws IOException {
        String text = text(PatientReportPdf.render(record(), "Dr Anne Smith (asmith)",
                LocalDateTime.of(2026, 12, 4, 10, 30)));

        assertThat(text).contains("Patient report: IPP-0042", "Jeanne Müller-Łukasz",
                "1961-03-14", "female", "drsmith", "APL (recorded 2026-12-01 08:00 UTC by drsmith)",
                "Generated 2026-12-04 10:30 UTC by Dr Anne Smith (asmith)");
        assertThat(text).contains(PatientReportPdf.DISCLAIMER,
                "Supports a diagnosis; never replaces it. Page 1");
        assertThat(text).contains("From lab-export.xlsx, row 7")
                .contains("Mean corpuscular haemoglobin concentration", "34,4 g/dL", "344 g/L",
                        "read as g/dL")
                .contains("<0.5", "0.5 g/L")
                .contains("Neutrophils (%)", "41 %");
        assertThat(text).contains("Suggested subtype: APL, probability 81.2 %",
                "model version 3, trained on synthetic training data", "0.081", "0.107",
                "0.812");
        assertThat(text).contains("outside the model's experience", "LDH beyond any seen");
        assertThat(text).contains("Top contributions", "Fibrinogen", "+1.30", "-0.40",
                "Platelets (not measured)");
        assertThat(text).contains("Parameter 3").doesNotContain("Parameter 4");
        assertThat(text).contains("ATRA started <b>today</b>");
    }

    @Test
    void aWithheldSuggestionIsNoSuggestionAndItsFiguresAreMarkedAsNotToRelyOn()
            throws IOException {
        String text = text(PatientReportPdf.render(record(true), "Dr Anne Smith (asmith)",
                LocalDateTime.of(2026, 12, 4, 10, 30)));

        assertThat(text).contains("No subtype suggested (model version 3",
                "rests on missing results (Neutrophils (%))", "Measure or check them",
                "not probabilities to rely on", "0.812", PatientReportPdf.DISCLAIMER);
        assertThat(text).doesNotContain("Suggested subtype", "probability 81.2 %",
                "outside the model's experience");
    }

    @Test
    void controlCharactersFromUploadedTextNeverReachTheDocument() {
        assertThat(PatientReportPdf.plain("P\u0000-1\u0007\tx\ny")).isEqualTo("P-1x\ny");
        assertThat(PatientReportPdf.plain(null)).isEmpty();
        assertThat(PatientReportPdf.plain("Better \uD83D\uDE42 today, Łódź, 5 µL, ≥ 2"))
                .as("a character the font cannot draw shows as ?, the others as typed")
                .isEqualTo("Better ? today, Łódź, 5 µL, ≥ 2");
    }

    private static PatientRecord record() {
        return record(false);
    }

    private static PatientRecord record(boolean withheld) {
        PredictionSummary prediction = new PredictionSummary(42, "IPP-0042", "APL", 0.812,
                0.081, 0.107, 0.812, 3, true, RECEIVED, false, true,
                withheld ? "The suggestion rests on missing results (Neutrophils (%))."
                        : "LDH beyond any seen in training.", withheld, "APL", 9, "Jeanne Müller-Łukasz", "APL", 5L,
                "lab-export.xlsx");
        List<Contributions.Line> contributions = new java.util.ArrayList<>(List.of(
                new Contributions.Line("Fibrinogen", true, -0.2, -0.4, 1.3),
                new Contributions.Line("Platelets", false, 0.1, 0.2, 0.9)));
        for (int i = 1; i <= 6; i++) {
            contributions.add(new Contributions.Line("Parameter " + i, true, 0, 0, 0.1 / i));
        }
        PatientRecord.Panel panel = new PatientRecord.Panel(7, RECEIVED, 65.0,
                "lab-export.xlsx", 7, List.of(
                        new PatientRecord.Result("mchc", "Mean corpuscular haemoglobin"
                                + " concentration", 344, "g/L", "34,4", "g/dL",
                                "Mean corpuscular haemoglobin concentration 34.4 read as"
                                        + " g/dL; converted to 344 g/L."),
                        new PatientRecord.Result("fibrinogen", "Fibrinogen", 0.5, "g/L",
                                "<0.5", null, "Fibrinogen '<0.5' is below the limit."),
                        new PatientRecord.Result("neutrophils_pct", "Neutrophils (%)", 41, "%",
                                null, null, "")),
                prediction, "Only 3 of the 14 values.", contributions.subList(0, 7));
        return new PatientRecord(42, "IPP-0042", "FEMALE", "drsmith", "Jeanne Müller-Łukasz",
                LocalDate.of(1961, 3, 14), "APL", LocalDateTime.of(2026, 12, 1, 8, 0),
                "drsmith", 4, List.of(new PatientRecord.Note(1, "drsmith",
                        LocalDateTime.of(2026, 12, 2, 8, 0), "ATRA started <b>today</b>")),
                true, List.of(panel));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // lines wrap wherever the layout breaks them
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
