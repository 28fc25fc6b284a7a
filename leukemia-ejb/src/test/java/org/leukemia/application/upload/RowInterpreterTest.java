package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Units;
import org.leukemia.persistence.patient.Sex;

class RowInterpreterTest {

    private static final Column WBC = Column.of(Parameter.WBC);
    private static final Column AGE = Column.of(Parameter.AGE);

    private final RowInterpreter interpreter = new RowInterpreter(List.of(
            mapped(0, "Patient ID", Column.IDENTIFIER), mapped(1, "Sex", Column.SEX),
            mapped(2, "GB (G/L)", WBC), mapped(3, "Age", AGE)), LocalDate.of(2026, 12, 3));

    @Test
    void readsNumbersTypedAsTextWithADecimalComma() {
        PatientEntry entry = interpreter.interpret(row(7, "P-1", "F", "12,5", 40.0));

        assertThat(entry.rowNumber()).isEqualTo(7);
        assertThat(entry.externalId()).isEqualTo("P-1");
        assertThat(entry.sex()).isEqualTo(Sex.FEMALE);
        assertThat(entry.values()).containsEntry(Parameter.WBC, 12.5)
                .containsEntry(Parameter.AGE, 40.0);
    }

    @Test
    void anAgeNoOneReachesIsRefusedAsTheCellShowsIt() {
        assertThatThrownBy(() -> interpreter.interpret(row(2, "P1", null, 3.0, 150.0)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("'150' is not an age in years");
    }

    @Test
    void anIdentifierExcelTurnedIntoANumberKeepsItsDigits() {
        assertThat(interpreter.interpret(row(2, 123456.0, null, 3.0, null)).externalId())
                .isEqualTo("123456");
    }

    @Test
    void aNumberTooLongForExcelToKeepEveryDigitIsNoIdentifier() {
        assertThat(interpreter.interpret(row(2, 999_999_999_999_999.0, null, 3.0, null))
                .externalId()).isEqualTo("999999999999999");
        assertThatThrownBy(() -> interpreter.interpret(row(2, 1234567890123456789.0, null, 3.0,
                null))).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("1234567890123460000 is a number of more than 15 digits")
                .hasMessageContaining("Format the column as text")
                .extracting(e -> ((RowRejectedException) e).column()).isEqualTo("Patient ID");
        assertThat(interpreter.interpret(row(2, "1234567890123456789", null, 3.0, null))
                .externalId()).as("typed as text, every digit is kept")
                .isEqualTo("1234567890123456789");
        assertThat(RowInterpreter.cellText(1234567890123456789.0))
                .as("as the rejected row's patient in the report").isEqualTo("1234567890123460000");
        assertThat(RowInterpreter.cellText(12.5)).isEqualTo("12.5");
        assertThat(RowInterpreter.cellText(null)).isNull();
    }

    @Test
    void aFormulaSavedWithoutItsResultIsReadAsMissingAndSaysSo() {
        Map<Column, Object> cells = new LinkedHashMap<>();
        cells.put(Column.IDENTIFIER, "P-9");
        cells.put(AGE, 50.0);

        assertThatThrownBy(() -> interpreter.interpret(new SheetRow(8, cells, Set.of(WBC))))
                .hasMessageContaining("no laboratory value: its cells hold formulas saved"
                        + " without their results");
        cells.put(Column.of(Parameter.MCHC), 330.0);
        PatientEntry entry = interpreter.interpret(new SheetRow(8, cells, Set.of(WBC)));
        assertThat(entry.values()).doesNotContainKey(Parameter.WBC);
        assertThat(entry.notes()).singleElement().asString().contains("(GB (G/L)) is a formula"
                + " saved without its result, so it was read as missing", "save it there");
        assertThatThrownBy(() -> interpreter.interpret(new SheetRow(8, Map.of(WBC, 3.0),
                Set.of(Column.IDENTIFIER)))).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("formula saved without its result")
                .extracting(e -> ((RowRejectedException) e).column()).isEqualTo("Patient ID");
    }

    @Test
    void theNameIsKeptAsWrittenWithoutItsExtraSpaces() {
        RowInterpreter withNames = new RowInterpreter(List.of(
                mapped(0, "Patient ID", Column.IDENTIFIER), mapped(1, "Nom", Column.NAME),
                mapped(2, "GB (G/L)", WBC)), LocalDate.of(2026, 12, 3));
        Map<Column, Object> cells = new LinkedHashMap<>();
        cells.put(Column.IDENTIFIER, "P-7");
        cells.put(Column.NAME, "  DUPONT   Marie ");
        cells.put(WBC, 4.0);

        assertThat(withNames.interpret(new SheetRow(2, cells)).fullName())
                .isEqualTo("DUPONT Marie");
        cells.remove(Column.NAME);
        assertThat(withNames.interpret(new SheetRow(2, cells)).fullName()).isNull();
        cells.put(Column.NAME, "x".repeat(201));
        assertThatThrownBy(() -> withNames.interpret(new SheetRow(2, cells)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("the name has 201 characters")
                .extracting(e -> ((RowRejectedException) e).column()).isEqualTo("Nom");
    }

    @Test
    void aRowWithoutIdentifierIsRejected() {
        assertThatThrownBy(() -> interpreter.interpret(row(3, null, null, 3.0, 50.0)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("identifier");
    }

    @Test
    void aValueThatIsNotANumberIsRejectedNamingTheColumnAsTheFileDoes() {
        assertThatThrownBy(() -> interpreter.interpret(row(4, "P-2", null, "high", 50.0)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("'high'")
                .extracting(e -> ((RowRejectedException) e).column()).isEqualTo("GB (G/L)");
    }

    @Test
    void aRowWithOnlyAnAgeHasNoLaboratoryValue() {
        assertThatThrownBy(() -> interpreter.interpret(row(5, "P-3", "M", null, 50.0)))
                .hasMessageContaining("no laboratory value");
    }

    @Test
    void anUnknownSexIsRejected() {
        assertThatThrownBy(() -> interpreter.interpret(row(6, "P-4", "X", 4.0, null)))
                .hasMessageContaining("'X'");
    }

    @Test
    void aUnitInTheHeaderIsConvertedAndNoted() {
        Column mchc = Column.of(Parameter.MCHC);
        RowInterpreter withUnits = new RowInterpreter(List.of(
                mapped(0, "Patient ID", Column.IDENTIFIER), mapped(1, "CCMH (g/dL)", mchc),
                mapped(2, "GB (/mm3)", WBC)), LocalDate.of(2026, 12, 3));

        PatientEntry entry = withUnits.interpret(new SheetRow(2, Map.of(Column.IDENTIFIER, "P",
                mchc, 33.5, WBC, "12 500")));

        assertThat(entry.values()).containsEntry(Parameter.MCHC, 335.0)
                .containsEntry(Parameter.WBC, 12.5);
        assertThat(entry.notes()).anySatisfy(n -> assertThat(n).contains("33.5 g/dL", "335"))
                .anySatisfy(n -> assertThat(n).contains("12500 /mm3", "12.5"));
    }

    @Test
    void aUnitInTheCellWinsOverTheHeaderAndAWrongOneIsRejected() {
        PatientEntry entry = interpreter.interpret(row(2, "P", null, "4500 /µL", null));

        assertThat(entry.values()).containsEntry(Parameter.WBC, 4.5);
        assertThatThrownBy(() -> interpreter.interpret(row(3, "Q", null, "4.5 fL", null)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("fL");
    }

    @Test
    void eachValueKeepsItsTextAndUnitAsReceived() {
        Column mchc = Column.of(Parameter.MCHC);
        Column ldh = Column.of(Parameter.LDH);
        RowInterpreter withUnits = new RowInterpreter(List.of(
                mapped(0, "Patient ID", Column.IDENTIFIER), mapped(1, "CCMH (g/dL)", mchc),
                mapped(2, "GB (/mm3)", WBC), mapped(3, "LDH", ldh), mapped(4, "Age", AGE)),
                LocalDate.of(2026, 12, 3));

        PatientEntry entry = withUnits.interpret(new SheetRow(2, Map.of(Column.IDENTIFIER, "P",
                mchc, 33.50, WBC, "4,5 G/L", ldh, "<120 H", AGE, 41.0)));

        assertThat(entry.received()).containsEntry(Parameter.MCHC,
                new PatientEntry.Received("33.5", "g/dL"))
                .containsEntry(Parameter.WBC, new PatientEntry.Received("4,5", "G/L"))
                .containsEntry(Parameter.LDH, new PatientEntry.Received("<120 H", null));
        assertThat(entry.values()).containsEntry(Parameter.WBC, 4.5)
                .containsEntry(Parameter.MCHC, 335.0).containsEntry(Parameter.LDH, 120.0);
    }

    @Test
    void aCensoredValueIsReadAsItsLimitWithAWarning() {
        PatientEntry entry = interpreter.interpret(row(2, "P", null, "<0,5", 30.0));

        assertThat(entry.values()).containsEntry(Parameter.WBC, 0.5);
        assertThat(entry.notes()).singleElement().asString()
                .contains("'<0,5'", "below", "limit 0.5");
    }

    @Test
    void theAgeComesFromTheDateOfBirthAtTheSampleDate() {
        RowInterpreter withDates = new RowInterpreter(List.of(
                mapped(0, "IPP", Column.IDENTIFIER), mapped(1, "DDN", Column.BIRTH_DATE),
                mapped(2, "Date de prélèvement", Column.SAMPLE_DATE), mapped(3, "GB", WBC)),
                LocalDate.of(2026, 12, 3));

        PatientEntry excelDates = withDates.interpret(new SheetRow(2, Map.of(Column.IDENTIFIER,
                "P", Column.BIRTH_DATE, LocalDate.of(2000, 6, 15), Column.SAMPLE_DATE,
                LocalDate.of(2024, 6, 15), WBC, 3.0)));
        PatientEntry typedDates = withDates.interpret(new SheetRow(3, Map.of(Column.IDENTIFIER,
                "Q", Column.BIRTH_DATE, "15/12/2023", WBC, 3.0)));

        assertThat(excelDates.values()).containsEntry(Parameter.AGE, 24.0);
        assertThat(excelDates.notes()).singleElement().asString().contains("sample date");
        assertThat(typedDates.values()).containsEntry(Parameter.AGE, 3.0);
        assertThat(typedDates.notes()).singleElement().asString().contains("upload date");
        assertThatThrownBy(() -> withDates.interpret(new SheetRow(4, Map.of(Column.IDENTIFIER,
                "R", Column.BIRTH_DATE, "2025-01-01", Column.SAMPLE_DATE, "2024-01-01", WBC,
                3.0)))).hasMessageContaining("after the sample date");
        assertThatThrownBy(() -> withDates.interpret(new SheetRow(5, Map.of(Column.IDENTIFIER,
                "S", Column.BIRTH_DATE, "yesterday", WBC, 3.0))))
                .hasMessageContaining("'yesterday' is not a date");
        assertThatThrownBy(() -> withDates.interpret(new SheetRow(6, Map.of(Column.IDENTIFIER,
                "T", Column.BIRTH_DATE, "30/02/1980", WBC, 3.0))))
                .hasMessageContaining("'30/02/1980' is not a date");
    }

    @Test
    void anAgeThatContradictsTheDateOfBirthIsNotedAndANegativeAgeRejected() {
        RowInterpreter withBoth = new RowInterpreter(List.of(
                mapped(0, "IPP", Column.IDENTIFIER), mapped(1, "DDN", Column.BIRTH_DATE),
                mapped(2, "Age", AGE), mapped(3, "GB", WBC)), LocalDate.of(2026, 12, 3));

        PatientEntry entry = withBoth.interpret(new SheetRow(2, Map.of(Column.IDENTIFIER, "P",
                Column.BIRTH_DATE, "1980-12-03", AGE, 30.0, WBC, 3.0)));

        assertThat(entry.values()).containsEntry(Parameter.AGE, 30.0);
        assertThat(entry.notes()).singleElement().asString()
                .contains("age given, 30 years, differs from the 46 years");
        assertThatThrownBy(() -> interpreter.interpret(row(3, "Q", null, 3.0, -5.0)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("'-5'");
    }

    private static SheetRow row(int number, Object id, Object sex, Object wbc, Object age) {
        Map<Column, Object> cells = new LinkedHashMap<>();
        put(cells, Column.IDENTIFIER, id);
        put(cells, Column.SEX, sex);
        put(cells, WBC, wbc);
        put(cells, AGE, age);
        return new SheetRow(number, cells);
    }

    private static MappedColumn mapped(int index, String header, Column column) {
        return new MappedColumn(index, header, column, column.parameter()
                .flatMap(p -> HeaderMatcher.unit(header).flatMap(u -> Units.conversion(p, u))));
    }

    private static void put(Map<Column, Object> cells, Column column, Object value) {
        if (value != null) {
            cells.put(column, value);
        }
    }
}
