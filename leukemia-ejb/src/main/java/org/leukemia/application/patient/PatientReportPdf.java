package org.leukemia.application.patient;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.leukemia.application.prediction.Contributions;

/**
 * Lays out one patient's record as a PDF document (OpenPDF) for printing or filing.
 *
 * <p>Every text that came from outside (an identifier, a file name, a name, a value as
 * received, a note) is written as plain text in a font that has the characters of Western
 * languages; control characters are left out. The disclaimer stands above the predictions and
 * at the foot of every page.
 */
final class PatientReportPdf {

    /** What the report says about every prediction in it. */
    static final String DISCLAIMER = "The suggested subtype supports a diagnosis; it never"
            + " replaces it. The subtype must be confirmed by cytology, flow cytometry and"
            + " molecular tests.";

    /** Contributions printed per prediction: the strongest. */
    static final int TOP_CONTRIBUTIONS = 5;

    /** A font with the Latin, Greek and Cyrillic letters, embedded; it comes with OpenPDF. */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    /** What stands in the documents for a character their font cannot draw. */
    static final String UNDRAWN = "?";
    /** The documents' font, asked which characters it can draw. */
    private static final BaseFont GLYPHS = baseFont();

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** The shade of table headers and of the disclaimer's box. */
    static final Color SHADE = new Color(235, 235, 235);
    private static final Color WARNING = new Color(150, 40, 0);
    private static final Color GREYED = new Color(120, 120, 120);

    private final Font body;
    private final Font small;
    private final Font heading;
    private final Font title;
    private final Font warning;
    /** The model's figures of a withheld suggestion: for the record, not to read as one. */
    private final Font greyed;

    private PatientReportPdf() {
        BaseFont base = baseFont();
        body = new Font(base, 9.5f);
        small = new Font(base, 8f);
        heading = new Font(base, 12.5f);
        title = new Font(base, 17f);
        warning = new Font(base, 9.5f, Font.NORMAL, WARNING);
        greyed = new Font(base, 9.5f, Font.ITALIC, GREYED);
    }

    /** The font of the patients' documents, embedded in each. */
    static BaseFont baseFont() {
        try {
            return BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("The documents' font is missing from OpenPDF", e);
        }
    }

    /**
     * The report of a record.
     *
     * @param record the record, as the caller may read it
     * @param generatedBy who asks for the report, as it is to be printed
     * @param generatedAt when (UTC)
     * @return the PDF document
     */
    static byte[] render(PatientRecord record, String generatedBy, LocalDateTime generatedAt) {
        return new PatientReportPdf().layOut(record, generatedBy, generatedAt);
    }

    private byte[] layOut(PatientRecord record, String generatedBy, LocalDateTime generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(small));
            document.addTitle("Patient " + plain(record.externalId()));
            document.addCreator("Leukemia subtype assistant");
            document.open();

            document.add(new Paragraph("Patient report: " + plain(record.externalId()), title));
            document.add(paragraph("Generated " + TIME.format(generatedAt) + " UTC by "
                    + plain(generatedBy) + ".", small));
            document.add(disclaimer());
            document.add(demographics(record));
            for (PatientRecord.Panel panel : record.panels()) {
                addPanel(document, panel);
            }
            if (record.panels().isEmpty()) {
                document.add(paragraph("No laboratory results are stored for this patient.",
                        body));
            }
            addNotes(document, record.notes());
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report could not be laid out", e);
        }
        return out.toByteArray();
    }

    private PdfPTable disclaimer() {
        return shadedBox(DISCLAIMER, body);
    }

    /** A text in a shaded box across the page, as the documents show their disclaimer. */
    static PdfPTable shadedBox(String text, Font font) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(8);
        box.setSpacingAfter(8);
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBackgroundColor(SHADE);
        cell.setPadding(6);
        box.addCell(cell);
        return box;
    }

    private PdfPTable demographics(PatientRecord record) {
        PdfPTable table = table(new float[] {1.2f, 3f});
        row(table, "Hospital identifier", record.externalId());
        row(table, "Name", orNotRecorded(record.fullName()));
        row(table, "Date of birth", record.birthDate() == null ? "not recorded"
                : record.birthDate().toString());
        row(table, "Sex", record.sex().toLowerCase(Locale.ROOT));
        row(table, "Doctor", record.owner());
        row(table, "Confirmed diagnosis", record.confirmedDiagnosis() == null
                ? "not recorded yet"
                : record.confirmedDiagnosis() + " (recorded "
                        + TIME.format(record.diagnosisRecordedAt()) + " UTC by "
                        + record.diagnosisRecordedBy() + ")");
        return table;
    }

    private void addPanel(Document document, PatientRecord.Panel panel) {
        Paragraph title = new Paragraph("Results received " + TIME.format(panel.receivedAt())
                + " UTC", heading);
        title.setSpacingBefore(12);
        document.add(title);
        if (panel.sourceFile() != null) {
            document.add(paragraph("From " + plain(panel.sourceFile()) + ", row "
                    + panel.sourceRow() + ".", small));
        }
        if (panel.prediction() != null) {
            addPrediction(document, panel);
        }
        PdfPTable values = table(new float[] {2.2f, 1.5f, 1.5f, 3f});
        header(values, "Parameter", "As received", "Normalised", "Conversion");
        if (panel.ageYears() != null) {
            values.addCell(cell("Age"));
            values.addCell(cell(""));
            values.addCell(cell(number(panel.ageYears()) + " years"));
            values.addCell(cell(""));
        }
        for (PatientRecord.Result result : panel.results()) {
            values.addCell(cell(result.label()));
            values.addCell(cell(asReceived(result)));
            values.addCell(cell(number(result.value()) + " " + result.unit()));
            values.addCell(cell(result.conversion()));
        }
        document.add(values);
        if (panel.notes() != null && !panel.notes().isBlank()) {
            document.add(paragraph("Notes: " + plain(panel.notes()), small));
        }
    }

    private void addPrediction(Document document, PatientRecord.Panel panel) {
        PredictionSummary p = panel.prediction();
        String model = "model version " + p.modelVersion()
                + (p.syntheticModel() ? ", trained on synthetic training data" : "");
        if (p.withheld()) {
            document.add(paragraph("No subtype suggested (" + model + "). The model's answer"
                    + " rests on results that are missing, or far beyond anything it was"
                    + " trained on: " + plain(p.unusualReasons()) + " Measure or check them"
                    + " and upload the panel again.", warning));
            document.add(paragraph("For the record only, what the model gave from those"
                    + " results; these figures reflect them, not the patient, and are not"
                    + " probabilities to rely on:", small));
        } else {
            document.add(paragraph("Suggested subtype: " + p.predictedSubtype()
                    + ", probability " + percent(p.confidence()) + "; " + model + ".", body));
        }
        document.add(paragraph(DISCLAIMER, small));
        if (p.isRuleOverride()) {
            document.add(paragraph(p.mostProbableSubtype() + " is more probable, but the"
                    + " model's decision rule weighs the subtypes against their frequency; it"
                    + " therefore suggests " + p.predictedSubtype() + ".", body));
        }
        PdfPTable probabilities = table(new float[] {1, 1, 1});
        header(probabilities, "P(ALL)", "P(AML)", "P(APL)");
        Font figures = p.withheld() ? greyed : body;
        probabilities.addCell(cell(decimal(p.probabilityAll(), 3), figures));
        probabilities.addCell(cell(decimal(p.probabilityAml(), 3), figures));
        probabilities.addCell(cell(decimal(p.probabilityApl(), 3), figures));
        document.add(probabilities);
        if (p.outsideExperience() && !p.withheld()) {
            document.add(paragraph("Warning: outside the model's experience. These values are"
                    + " unlike those of the patients the model learned from, so its suggestion"
                    + " deserves less weight: " + plain(p.unusualReasons()), warning));
        }
        if (p.confident()) {
            document.add(paragraph("In the model's confident zone.", body));
        }
        List<Contributions.Line> top = panel.contributions().stream()
                .limit(TOP_CONTRIBUTIONS).toList();
        if (!top.isEmpty()) {
            document.add(paragraph("Top contributions (toward a subtype positive, away from it"
                    + " negative, in the model's log-odds):", body));
            PdfPTable lines = table(new float[] {3f, 1, 1, 1});
            header(lines, "Parameter", "ALL", "AML", "APL");
            for (Contributions.Line line : top) {
                lines.addCell(cell(line.parameter() + (line.measured() ? "" : " (not measured)")));
                lines.addCell(cell(signed(line.all())));
                lines.addCell(cell(signed(line.aml())));
                lines.addCell(cell(signed(line.apl())));
            }
            document.add(lines);
        }
    }

    private void addNotes(Document document, List<PatientRecord.Note> notes) {
        Paragraph title = new Paragraph("Notes", heading);
        title.setSpacingBefore(12);
        document.add(title);
        if (notes.isEmpty()) {
            document.add(paragraph("No notes.", body));
        }
        for (PatientRecord.Note note : notes) {
            document.add(paragraph(TIME.format(note.writtenAt()) + " UTC, " + note.author()
                    + ": " + plain(note.body()), body));
        }
    }

    private static String asReceived(PatientRecord.Result result) {
        if (result.receivedValue() == null) {
            return "";
        }
        return result.receivedValue()
                + (result.receivedUnit() == null ? "" : " " + result.receivedUnit());
    }

    private PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(4);
        return table;
    }

    private void header(PdfPTable table, String... names) {
        for (String name : names) {
            PdfPCell cell = cell(name);
            cell.setBackgroundColor(SHADE);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private void row(PdfPTable table, String name, String value) {
        table.addCell(cell(name));
        table.addCell(cell(value));
    }

    private PdfPCell cell(String text) {
        return cell(text, body);
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(plain(text), font));
        cell.setPadding(3);
        return cell;
    }

    private static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingAfter(3);
        return paragraph;
    }

    /**
     * The text with its control characters (other than line breaks) left out, and each
     * character the documents' font cannot draw (an emoji, say) printed as {@value #UNDRAWN},
     * so that no character of what was typed vanishes unseen.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.replaceAll("[\\p{Cc}&&[^\\n]]", "").codePoints().forEach(c -> {
            if (c == '\n' || Character.isWhitespace(c) || GLYPHS.charExists(c)) {
                printable.appendCodePoint(c);
            } else {
                printable.append(UNDRAWN);
            }
        });
        return printable.toString();
    }

    private static String orNotRecorded(String text) {
        return text == null ? "not recorded" : text;
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    private static String decimal(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private static String percent(double probability) {
        return BigDecimal.valueOf(probability * 100).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + " %";
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + decimal(value, 2);
    }

    /** The short disclaimer and the page number at the foot of every page. */
    static final class Footer extends PdfPageEventHelper {
        private final Font font;

        /** @param font the footer's font */
        Footer(Font font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase("Supports a"
                    + " diagnosis; never replaces it. Page " + writer.getPageNumber(), font),
                    document.left(), document.bottom() - 24, 0);
        }
    }
}
