package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.patient.Sex;

class RowInterpreterTest {

    private static final Column WBC = Column.of(Parameter.WBC);
    private static final Column AGE = Column.of(Parameter.AGE);

    private final RowInterpreter interpreter = new RowInterpreter(Map.of(
            Column.IDENTIFIER, "Patient ID", Column.SEX, "Sex", WBC, "GB (G/L)", AGE, "Age"));

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
    void anIdentifierExcelTurnedIntoANumberKeepsItsDigits() {
        assertThat(interpreter.interpret(row(2, 123456.0, null, 3.0, null)).externalId())
                .isEqualTo("123456");
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

    private static SheetRow row(int number, Object id, Object sex, Object wbc, Object age) {
        Map<Column, Object> cells = new LinkedHashMap<>();
        put(cells, Column.IDENTIFIER, id);
        put(cells, Column.SEX, sex);
        put(cells, WBC, wbc);
        put(cells, AGE, age);
        return new SheetRow(number, cells);
    }

    private static void put(Map<Column, Object> cells, Column column, Object value) {
        if (value != null) {
            cells.put(column, value);
        }
    }
}
