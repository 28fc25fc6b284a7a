package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;

class CsvTableReaderTest {

    private final CsvTableReader reader = new CsvTableReader(100);

    @Test
    void readsASemicolonExportInWindows1252WithDecimalCommasBelowATitle() {
        byte[] file = ("Export hématologie du 03/12/2026\n"
                + "\n"
                + "IPP;Sexe;Âge;GB (G/L);CCMH (g/dL);Fibrinogène (g/L);Commentaire\n"
                + "123456;F;45;12,5;33,4;1,2;à revoir\n"
                + ";;;;;;\n"
                + "123457;M;8;\"48,0\";34;3,1;\n").getBytes(Charset.forName("windows-1252"));

        WorkbookContent content = reader.read(file);

        assertThat(content.columns()).extracting(MappedColumn::column).containsExactly(
                Column.IDENTIFIER, Column.SEX, Column.of(Parameter.AGE),
                Column.of(Parameter.WBC), Column.of(Parameter.MCHC),
                Column.of(Parameter.FIBRINOGEN));
        assertThat(content.column(Column.of(Parameter.MCHC)).orElseThrow().unit())
                .hasValueSatisfying(u -> assertThat(u.factor()).isEqualTo(10.0));
        assertThat(content.ignoredHeaders()).containsExactly("Commentaire");
        assertThat(content.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 6);
        assertThat(content.rows().get(0).cells()).containsEntry(Column.of(Parameter.WBC), "12,5")
                .containsEntry(Column.IDENTIFIER, "123456");
    }

    @Test
    void readsACommaSeparatedUtf8FileWithAByteOrderMark() {
        byte[] text = "Patient ID,WBC_G_L,Fibrinogène\nA,3.2,1.1\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[text.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(text, 0, file, 3, text.length);

        WorkbookContent content = reader.read(file);

        assertThat(content.columns()).extracting(MappedColumn::header)
                .containsExactly("Patient ID", "WBC_G_L", "Fibrinogène");
        assertThat(content.rows()).singleElement().satisfies(row -> assertThat(row.cells())
                .containsEntry(Column.of(Parameter.FIBRINOGEN), "1.1"));
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderHasColumnsIsMarkedMalformedAndItsNeighboursAreNot() {
        // "12,5" in a comma-separated file: every value after it moves one column right
        WorkbookContent content = reader.read(("Patient ID,WBC (G/L),Platelets,LDH,Comment\n"
                + "A,3.2,40,410,\n"
                + "B,12,5,40,900,urgent\n"
                + "C,7.1,85,1890,to check\n").getBytes(StandardCharsets.UTF_8));

        assertThat(content.rows()).extracting(row -> row.malformed() == null)
                .containsExactly(true, false, true);
        assertThat(content.rows().get(1).malformed()).isEqualTo("the row has 6 values where"
                + " the header has 5 columns, so its values after a decimal comma (in a"
                + " comma-separated file) or a separator too many are shifted; correct the row"
                + " and upload it again");
        assertThatThrownBy(() -> new RowInterpreter(content.columns(),
                java.time.LocalDate.of(2026, 12, 4)).interpret(content.rows().get(1)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("6 values where the header has 5 columns");
    }

    @Test
    void aQuoteThatIsNeverClosedRefusesTheFileNamingItsLine() {
        assertThatThrownBy(() -> reader.read(("Patient ID,WBC\nA,3.2\n\"B,4.1\nC,5\n")
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class)
                .hasMessage("The CSV file cannot be read: the quoted value that begins on line 3"
                        + " has no closing quote (\"), so where its row ends cannot be told;"
                        + " nothing was stored.");
    }

    @Test
    void excelsUnicodeTextExportIsReadAsTheTextItIs() {
        byte[] text = "Patient ID\tWBC\tFibrinogène\nA\t3.2\t1.1\n"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] file = new byte[text.length + 2];
        file[0] = (byte) 0xFF;
        file[1] = (byte) 0xFE;
        System.arraycopy(text, 0, file, 2, text.length);

        WorkbookContent content = reader.read(file);

        assertThat(CsvTableReader.isText(file)).isTrue();
        assertThat(content.columns()).extracting(MappedColumn::header)
                .containsExactly("Patient ID", "WBC", "Fibrinogène");
        assertThat(content.rows()).singleElement().satisfies(row -> assertThat(row.cells())
                .containsEntry(Column.of(Parameter.FIBRINOGEN), "1.1"));
    }

    @Test
    void aColumnWhoseUnitCannotBeConvertedIsNotRead() {
        WorkbookContent content = reader.read(
                "Patient ID;WBC;TP (s)\nA;3;14\n".getBytes(StandardCharsets.UTF_8));

        assertThat(content.ignoredHeaders()).singleElement().asString()
                .contains("TP (s)", "'s' cannot be converted", "%");
        assertThat(content.columns()).extracting(MappedColumn::column)
                .doesNotContain(Column.of(Parameter.PT_PERCENT));
    }

    @Test
    void theDoctorsChoicesWinOverTheHeaders() {
        byte[] file = "No;Leuco;TP;Fibrinogène\nA;4500;14;310\n"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, ColumnChoice> choices = Map.of(
                "No", new ColumnChoice("No", "identifier", ""),
                "Leuco", new ColumnChoice("Leuco", "wbc", "/mm3"),
                "TP", new ColumnChoice("TP", "", ""),
                "Fibrinogène", new ColumnChoice("Fibrinogène", "fibrinogen", "mg/dL"));

        WorkbookContent content = new CsvTableReader(() -> new SheetParser(10, choices, false))
                .read(file);

        assertThat(content.headers()).containsExactly("No", "Leuco", "TP",
                "Fibrinogène");
        assertThat(content.columns()).extracting(MappedColumn::describe).containsExactly(
                "No → Patient identifier",
                "Leuco → White blood cells, /mm3 converted to 10^9/L",
                "Fibrinogène → Fibrinogen, mg/dL converted to g/L");
        assertThat(content.ignoredHeaders()).containsExactly("TP (not read, as chosen)");
        assertThat(content.rows()).singleElement().satisfies(row -> assertThat(row.cells())
                .containsEntry(Column.IDENTIFIER, "A")
                .containsEntry(Column.of(Parameter.WBC), "4500"));
    }

    @Test
    void aUnitTheDoctorChoseThatCannotBeConvertedRefusesTheFile() {
        Map<String, ColumnChoice> choices = Map.of(
                "Leuco", new ColumnChoice("Leuco", "wbc", "furlongs"));

        assertThatThrownBy(() -> new CsvTableReader(() -> new SheetParser(10, choices, false))
                .read("Patient ID;Leuco\nA;4500\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("'furlongs' chosen for the column 'Leuco'");
    }

    @Test
    void refusesWhatIsNotAUsableCsvFile() {
        assertThatThrownBy(() -> reader.read(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(UploadException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> reader.read("Patient ID;WBC\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class).hasMessageContaining("no patient rows");
        assertThatThrownBy(() -> reader.read("Name;Ward\nA;4\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class)
                .hasMessageContaining("No header row names a laboratory parameter");
        assertThatThrownBy(() -> new CsvTableReader(1).read(
                "Patient ID;WBC\nA;1\nB;2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UploadException.class).hasMessageContaining("more than 1");
    }
}
