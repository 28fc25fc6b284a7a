package org.leukemia.application.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.leukemia.ml.Parameter;

/**
 * The workbook a doctor downloads to see which columns an upload expects, and in which units.
 * Its first sheet has the header row, each header naming its unit; the second explains every
 * column.
 */
public final class TemplateWorkbook {

    private static final Map<Parameter, String> SHORT_NAMES = shortNames();

    /** The headers of the template's first sheet, in order. */
    public static final List<String> HEADERS = headers();

    private TemplateWorkbook() {
    }

    /** @return the template as .xlsx bytes */
    public static byte[] create() {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet patients = workbook.createSheet("Patients");
            Row header = patients.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
                header.getCell(i).setCellStyle(bold);
                patients.setColumnWidth(i, 18 * 256);
            }

            Sheet help = workbook.createSheet("Columns");
            Row helpHeader = help.createRow(0);
            helpHeader.createCell(0).setCellValue("Column");
            helpHeader.createCell(1).setCellValue("Unit");
            helpHeader.createCell(2).setCellValue("Meaning");
            int r = 1;
            for (String[] line : explanations()) {
                Row row = help.createRow(r++);
                for (int c = 0; c < line.length; c++) {
                    row.createCell(c).setCellValue(line[c]);
                }
            }
            help.setColumnWidth(0, 30 * 256);
            help.setColumnWidth(1, 14 * 256);
            help.setColumnWidth(2, 60 * 256);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header of a parameter's column: its usual short name and its unit. */
    public static String header(Parameter parameter) {
        return SHORT_NAMES.get(parameter) + " (" + parameter.unit() + ")";
    }

    private static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("Patient ID", "Sex (F/M)"));
        for (Parameter p : Parameter.values()) {
            headers.add(header(p));
        }
        return List.copyOf(headers);
    }

    private static List<String[]> explanations() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Patient ID", "", "Required: the identifier your hospital uses"});
        lines.add(new String[] {"Sex (F/M)", "", "F or M, where known"});
        for (Parameter p : Parameter.values()) {
            lines.add(new String[] {header(p), p.unit(), p.label()
                    + ": leave the cell empty when not measured (0 means a measured zero)"});
        }
        return lines;
    }

    private static Map<Parameter, String> shortNames() {
        Map<Parameter, String> names = new EnumMap<>(Parameter.class);
        names.put(Parameter.AGE, "Age");
        names.put(Parameter.WBC, "WBC");
        names.put(Parameter.HAEMOGLOBIN, "Haemoglobin");
        names.put(Parameter.RBC, "RBC");
        names.put(Parameter.MCV, "MCV");
        names.put(Parameter.MCHC, "MCHC");
        names.put(Parameter.PLATELETS, "Platelets");
        names.put(Parameter.NEUTROPHILS, "Neutrophils");
        names.put(Parameter.NEUTROPHILS_PERCENT, "Neutrophils");
        names.put(Parameter.LYMPHOCYTES, "Lymphocytes");
        names.put(Parameter.LYMPHOCYTES_PERCENT, "Lymphocytes");
        names.put(Parameter.MONOCYTES, "Monocytes");
        names.put(Parameter.MONOCYTES_PERCENT, "Monocytes");
        names.put(Parameter.PT_PERCENT, "PT");
        names.put(Parameter.FIBRINOGEN, "Fibrinogen");
        names.put(Parameter.LDH, "LDH");
        return names;
    }
}
