package org.leukemia.application.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads the first sheet of an .xlsx workbook as a stream of rows (Apache POI's event API), so
 * that a sheet of 100,000 rows never sits in memory as a workbook. The file is read from a
 * temporary copy, which Apache POI opens entry by entry, and deleted afterwards.
 *
 * <p>Numbers reach the {@link SheetParser} as {@link Double}s of their exact value (not of
 * the cell's display format, which may round), dates as ISO dates, formulas as their saved
 * result, and formulas saved without a result as {@link SheetParser#UNCOMPUTED_FORMULA}.
 */
final class XlsxStreamReader {

    /**
     * The smallest compressed-to-unpacked size ratio accepted for any part of a workbook.
     * Measured on generated workbooks (see the README): 100,000 rows of laboratory values
     * 0.134, 100,000 rows of one repeated value 0.058, 30,000 cell styles 0.037, an embedded
     * image 1.0; the zip bomb of the tests 0.001. This is Apache POI's own default, set here
     * so that it is a decision and not an accident.
     */
    static final double MIN_INFLATE_RATIO = 0.01;

    /**
     * The largest unpacked part accepted: a 15 MiB upload of laboratory values unpacks to
     * about 115 MB (measured ratio 0.134).
     */
    static final long MAX_PART_BYTES = 512L * 1024 * 1024;

    static {
        // Apache POI keeps these limits per JVM; every reader here wants the same ones.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private static final Pattern RANGE = Pattern.compile("[A-Z]+(\\d+):[A-Z]+(\\d+)");

    private final Supplier<SheetParser> parsers;

    /** @param maxRows the most data rows accepted; a larger sheet is refused */
    XlsxStreamReader(int maxRows) {
        this(() -> new SheetParser(maxRows));
    }

    /** @param parsers makes the parser that each file's rows are given to */
    XlsxStreamReader(Supplier<SheetParser> parsers) {
        this.parsers = parsers;
    }

    /**
     * Reads an .xlsx file.
     *
     * @param content the file's bytes
     * @throws UploadException when the content is not a readable .xlsx workbook, or its sheet
     *     has no usable header or rows (see {@link SheetParser#finish()})
     */
    WorkbookContent read(byte[] content) {
        Path copy = null;
        try {
            copy = Files.createTempFile("leukemia-upload-", ".xlsx");
            Files.write(copy, content);
            SheetParser parser = parsers.get();
            try (OPCPackage pkg = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new UploadException("The workbook has no sheet.");
                }
                try (InputStream sheet = sheets.next()) {
                    CellWatch cells = new CellWatch(parser);
                    cells.setParent(XMLHelper.newXMLReader());
                    cells.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
                            null, new ReadOnlySharedStringsTable(pkg), new Rows(parser, cells),
                            new ExactFormatter(), false));
                    cells.parse(new InputSource(sheet));
                }
            }
            return parser.finish();
        } catch (UploadException | SheetParser.ReadingStopped e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException
                | ParserConfigurationException | RuntimeException e) {
            throw PoiWorkbookReader.refusal(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    // the temporary folder is cleaned by the system; nothing is lost
                }
            }
        }
    }

    /**
     * Watches the sheet's XML on its way to Apache POI's handler: tells the parser how many
     * rows the sheet announces in its dimension ("A1:L100001", which Excel, LibreOffice and
     * Apache POI write before the rows), and knows of the cell being read its column (from
     * its reference, or, where a writer left the optional reference out, as the one after the
     * cell before), whether it is a number and whether it is a formula saved without its
     * result (which the handler would pass over as if the cell were empty).
     */
    private static final class CellWatch extends XMLFilterImpl {

        private final SheetParser parser;
        private final List<Integer> uncomputed = new ArrayList<>();
        private int column;
        private boolean number;
        private boolean formula;
        private boolean inValue;
        private boolean value;

        CellWatch(SheetParser parser) {
            this.parser = parser;
        }

        @Override
        public void startElement(String uri, String localName, String qName,
                Attributes attributes) throws SAXException {
            switch (localName) {
                case "dimension" -> {
                    Matcher range = RANGE.matcher(String.valueOf(attributes.getValue("ref")));
                    if (range.matches()) {
                        parser.expect(Integer.parseInt(range.group(2))
                                - Integer.parseInt(range.group(1)) + 1);
                    }
                }
                case "row" -> {
                    uncomputed.clear();
                    column = -1;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference == null ? column + 1
                            : new CellReference(reference).getCol();
                    String type = attributes.getValue("t");
                    number = type == null || "n".equals(type);
                    formula = false;
                    inValue = false;
                    value = false;
                }
                case "f" -> formula = true;
                case "v", "is" -> inValue = true;
                default -> {
                    // nothing to watch
                }
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] text, int start, int length) throws SAXException {
            // some writers save a formula with an empty value element: no result either
            if (inValue && !new String(text, start, length).isBlank()) {
                value = true;
            }
            super.characters(text, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName)
                throws SAXException {
            if ("v".equals(localName) || "is".equals(localName)) {
                inValue = false;
            }
            if ("c".equals(localName) && formula && !value) {
                uncomputed.add(column);
            }
            super.endElement(uri, localName, qName);
        }

        /** @return the column of the cell being read, from 0 */
        int column() {
            return column;
        }

        /** @return whether the cell being read holds a number (perhaps shown as a date) */
        boolean isNumber() {
            return number;
        }

        /** @return the columns of the row being read whose formula has no saved result */
        List<Integer> uncomputedColumns() {
            return uncomputed;
        }
    }

    /** Collects each row's cells by column and hands the row to the parser. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final SheetParser parser;
        private final CellWatch watch;
        private final List<Object> cells = new ArrayList<>();

        Rows(SheetParser parser, CellWatch watch) {
            this.parser = parser;
            this.watch = watch;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            for (int column : watch.uncomputedColumns()) {
                place(column, SheetParser.UNCOMPUTED_FORMULA);
            }
            parser.row(rowNum + 1, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            place(watch.column(), watch.isNumber() ? number(value) : value);
        }

        private void place(int column, Object value) {
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }

        /**
         * A number cell as a {@link Double}, as the workbook API gives it, so that the row's
         * reader knows it was typed as a number; a date stays the ISO date text it was given.
         */
        private static Object number(String text) {
            try {
                return text == null ? null : Double.valueOf(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
    }

    /**
     * Gives a number's exact decimal text whatever its display format, and a date as an ISO
     * date, so that "12.46" shown as "12.5" is still read as 12.46.
     */
    private static final class ExactFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String format) {
            if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
                return date.toString();
            }
            return NumberToTextConverter.toText(value);
        }
    }
}
