package org.leukemia.application.patient;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * The patient list as a PDF document, landscape: the title, disclaimer, scope, filters, order
 * and time, then a table of the lines whose header repeats on every page. The table is handed
 * to the document in slices, so that ten thousand lines do not sit in memory as one table.
 */
final class PatientListPdf {

    private static final float[] WIDTHS = {2.1f, 2.4f, 1.5f, 1.2f, 2.1f, 1.3f, 3f, 1.3f, 1.9f,
        2f, 1.4f};
    private static final String[] HEADERS = {"Patient", "Name", "Suggested", "Probability",
        "ALL / AML / APL", "Confident", "Unusual input", "Model", "Predicted (UTC)", "Upload",
        "Diagnosis"};
    private static final int SLICE = 500;

    private final Font body;
    private final Font small;
    private final Font title;

    private PatientListPdf() {
        BaseFont base = PatientReportPdf.baseFont();
        body = new Font(base, 8f);
        small = new Font(base, 7.5f);
        title = new Font(base, 15f);
    }

    /** @return the PDF bytes of {@code listing} */
    static byte[] write(PatientListing listing) {
        return new PatientListPdf().layOut(listing);
    }

    private byte[] layOut(PatientListing listing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 54);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PatientReportPdf.Footer(small));
            document.addTitle(PatientListing.TITLE);
            document.addCreator("Leukemia subtype assistant");
            document.open();

            document.add(new Paragraph(PatientListing.TITLE, title));
            document.add(PatientReportPdf.shadedBox(PatientListing.DISCLAIMER, body));
            document.add(about(listing));
            PdfPTable table = lines();
            int inTable = 0;
            for (PredictionSummary line : listing.rows()) {
                line(table, line);
                if (++inTable == SLICE) {
                    document.add(table);
                    table = lines();
                    table.setSpacingBefore(0);
                    inTable = 0;
                }
            }
            if (listing.rows().isEmpty()) {
                PdfPCell none = cell("No line matches the filters.");
                none.setColspan(HEADERS.length);
                table.addCell(none);
            }
            if (inTable > 0 || listing.rows().isEmpty()) {
                document.add(table);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The patient list could not be laid out", e);
        }
        return out.toByteArray();
    }

    private PdfPTable about(PatientListing listing) {
        PdfPTable table = new PdfPTable(new float[] {1, 6});
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        for (String[] line : List.of(new String[] {"Scope", listing.scope()},
                new String[] {"Filters", listing.filters()},
                new String[] {"Order", listing.order()},
                new String[] {"Lines", listing.countText()},
                new String[] {"Generated", listing.generatedAtText() + " by "
                        + listing.generatedBy()})) {
            table.addCell(cell(line[0]));
            table.addCell(cell(line[1]));
        }
        return table;
    }

    private PdfPTable lines() {
        PdfPTable table = new PdfPTable(WIDTHS);
        table.setWidthPercentage(100);
        for (String name : HEADERS) {
            PdfPCell cell = cell(name);
            cell.setBackgroundColor(PatientReportPdf.SHADE);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        return table;
    }

    private void line(PdfPTable table, PredictionSummary line) {
        table.addCell(cell(line.externalId()));
        table.addCell(cell(line.fullName()));
        if (line.withheld()) {
            // no suggestion: the probabilities reflect missing or far-off results, not the patient
            table.addCell(cell(PredictionSummary.NO_SUGGESTION));
            table.addCell(cell(""));
            table.addCell(cell(""));
        } else {
            table.addCell(cell(line.predictedSubtype() + (line.isRuleOverride()
                    ? " (" + line.mostProbableSubtype() + " more probable)" : "")));
            table.addCell(number(percent(line.confidence())));
            table.addCell(number(String.format(Locale.ROOT, "%.2f / %.2f / %.2f",
                    line.probabilityAll(), line.probabilityAml(), line.probabilityApl())));
        }
        table.addCell(cell(line.confident() ? "yes" : "no"));
        table.addCell(cell(line.outsideExperience() ? line.unusualReasons() : ""));
        table.addCell(cell(line.modelVersion() + (line.syntheticModel() ? " (synthetic)" : "")));
        table.addCell(cell(PatientListing.time(line.predictedAt())));
        table.addCell(cell(line.uploadId() == null ? "" : "#" + line.uploadId() + " "
                + (line.uploadFileName() == null ? "" : line.uploadFileName())));
        table.addCell(cell(line.confirmedDiagnosis()));
    }

    private PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(PatientReportPdf.plain(text), body));
        cell.setPadding(2.5f);
        return cell;
    }

    private PdfPCell number(String text) {
        PdfPCell cell = cell(text);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String percent(double probability) {
        return String.format(Locale.ROOT, "%.1f %%", probability * 100);
    }
}
