package org.leukemia.application.upload;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export with Apache Commons CSV and gives its rows to a {@link SheetParser}.
 *
 * <p>The encoding is UTF-16 when the file starts with its byte order mark (Excel's "Unicode
 * text"), UTF-8 (with or without a byte order mark) when the bytes are valid UTF-8,
 * and Windows-1252 otherwise, which is what spreadsheet programs on Windows write. The
 * separator is the one of semicolon, comma and tab that occurs most often in the first line
 * that has any (title lines above the header have none): a semicolon in European exports,
 * where the comma is the decimal separator. Row numbers count records from 1, as a
 * spreadsheet program shows the file.
 */
final class CsvTableReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] SEPARATORS = {';', ',', '\t'};
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile(
            "\\(startline (\\d+)\\) EOF reached before encapsulated token finished");

    private final Supplier<SheetParser> parsers;

    /** @param maxRows the most data rows accepted; a larger file is refused */
    CsvTableReader(int maxRows) {
        this(() -> new SheetParser(maxRows));
    }

    /** @param parsers makes the parser that each file's rows are given to */
    CsvTableReader(Supplier<SheetParser> parsers) {
        this.parsers = parsers;
    }

    /**
     * Reads a CSV file.
     *
     * @param content the file's bytes
     * @throws UploadException when the bytes are not text, or the text has no usable header
     *     or rows (see {@link SheetParser#finish()})
     */
    WorkbookContent read(byte[] content) {
        String text = decode(content);
        SheetParser parser = parsers.get();
        parser.expect((int) text.chars().filter(c -> c == '\n').count());
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text))
                .setIgnoreEmptyLines(false).setTrim(true).build();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            int line = 0;
            for (CSVRecord record : csv) {
                line++;
                parser.delimitedRow(line, new ArrayList<>(record.toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UploadException("The CSV file cannot be read: " + problem(e)
                    + "; nothing was stored.");
        }
        return parser.finish();
    }

    /** What the CSV parser found wrong, in words. */
    private static String problem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        Matcher unclosed = UNCLOSED_QUOTE.matcher(message);
        return unclosed.find() ? "the quoted value that begins on line " + unclosed.group(1)
                + " has no closing quote (\"), so where its row ends cannot be told" : message;
    }

    /** Whether the bytes are text (in one of the encodings read here), not binary. */
    static boolean isText(byte[] content) {
        return utf16(content) != null || !looksBinary(content);
    }

    /**
     * The UTF-16 encoding that the file's byte order mark names (Excel's "Unicode text"), or
     * null when it has none.
     */
    private static Charset utf16(byte[] content) {
        if (content.length < 2) {
            return null;
        }
        int first = content[0] & 0xFF;
        int second = content[1] & 0xFF;
        return first == 0xFF && second == 0xFE ? StandardCharsets.UTF_16LE
                : first == 0xFE && second == 0xFF ? StandardCharsets.UTF_16BE : null;
    }

    /** The text of a file, or a refusal when it is not text at all. */
    static String decode(byte[] content) {
        Charset utf16 = utf16(content);
        if (utf16 != null) {
            return new String(content, 2, content.length - 2, utf16);
        }
        if (looksBinary(content)) {
            throw new UploadException("The file is not a CSV text file (it holds binary data);"
                    + " if it is a workbook, give it its .xlsx or .xls name.");
        }
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, WINDOWS_1252);
        }
    }

    private static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, 8192);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return n >= 2 && content[0] == 'P' && content[1] == 'K';
    }

    private static char separator(String text) {
        return text.lines().limit(50).map(CsvTableReader::mostFrequentSeparator)
                .filter(c -> c != 0).findFirst().orElse(',');
    }

    private static char mostFrequentSeparator(String line) {
        char best = 0;
        long most = 0;
        for (char c : SEPARATORS) {
            long count = line.chars().filter(ch -> ch == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }
}
