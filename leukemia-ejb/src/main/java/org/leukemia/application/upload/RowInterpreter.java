package org.leukemia.application.upload;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leukemia.ml.Parameter;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.Sex;

/**
 * Turns a sheet row into a {@link PatientEntry}, or says exactly why it cannot.
 */
final class RowInterpreter {

    private static final Set<Parameter> AGE_ONLY = Set.of(Parameter.AGE);
    private static final double OLDEST_PLAUSIBLE_AGE = 120;

    private final Map<Column, String> headers;

    /** @param headers the header text of each recognised column, to name it in messages */
    RowInterpreter(Map<Column, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /**
     * Interprets one row.
     *
     * @throws RowRejectedException naming the column and the value when the row is unusable
     */
    PatientEntry interpret(SheetRow row) {
        String id = identifier(row.cells().get(Column.IDENTIFIER)).orElseThrow(() ->
                new RowRejectedException(null, "no patient identifier"));
        Sex sex = sex(row.cells().get(Column.SEX), headers.get(Column.SEX));

        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        row.cells().forEach((column, value) -> column.parameter()
                .ifPresent(p -> values.put(p, number(headers.get(column), value))));
        if (values.isEmpty() || values.keySet().equals(AGE_ONLY)) {
            throw new RowRejectedException(null, "no laboratory value");
        }
        Double age = values.get(Parameter.AGE);
        if (age != null && age > OLDEST_PLAUSIBLE_AGE) {
            throw new RowRejectedException(headers.get(Column.of(Parameter.AGE)),
                    "'" + row.cells().get(Column.of(Parameter.AGE)) + "' is not an age in years");
        }
        return new PatientEntry(row.rowNumber(), id, sex, values);
    }

    private Optional<String> identifier(Object cell) {
        Optional<String> id;
        if (cell instanceof Double number) {
            id = Optional.of(number == Math.rint(number)
                    ? Long.toString(number.longValue()) : number.toString());
        } else {
            id = Optional.ofNullable(cell).map(Object::toString).map(String::trim)
                    .filter(s -> !s.isEmpty());
        }
        if (id.isPresent() && id.get().length() > Patient.MAX_EXTERNAL_ID) {
            throw new RowRejectedException(headers.get(Column.IDENTIFIER), "the identifier has "
                    + id.get().length() + " characters; the most accepted is "
                    + Patient.MAX_EXTERNAL_ID);
        }
        return id;
    }

    private static Sex sex(Object cell, String header) {
        if (cell == null) {
            return Sex.UNKNOWN;
        }
        return switch (cell.toString().trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE", "FEMME", "W", "WOMAN" -> Sex.FEMALE;
            case "M", "MALE", "H", "HOMME", "MAN" -> Sex.MALE;
            default -> throw new RowRejectedException(header,
                    "'" + cell + "' is not a sex (use F or M)");
        };
    }

    private static double number(String header, Object cell) {
        if (cell instanceof Double number) {
            return number;
        }
        String text = cell.toString().trim().replace(',', '.');
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(header,
                    "'" + cell + "' is not a number");
        }
    }
}
