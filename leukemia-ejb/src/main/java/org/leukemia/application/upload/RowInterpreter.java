package org.leukemia.application.upload;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Units;
import org.leukemia.persistence.patient.Patient;
import org.leukemia.persistence.patient.Sex;

/**
 * Turns a sheet row into a {@link PatientEntry}, or says exactly why it cannot.
 *
 * <p>Numbers are read as {@link TypedNumber} describes. A unit written in the cell wins over
 * the unit of the header; either is converted by {@link Units}, and the conversion is noted.
 * Where the age is missing and the date of birth is given, the age is computed at the sample
 * date (or, without one, at the upload date, and the row says so). Dates are read as Excel
 * dates, ISO dates (2024-03-12) or day first (12/03/2024, 12.03.2024, 12-03-2024).
 */
final class RowInterpreter {

    private static final Set<Parameter> AGE_ONLY = Set.of(Parameter.AGE);
    private static final double OLDEST_PLAUSIBLE_AGE = 120;
    private static final double DAYS_PER_YEAR = 365.2425;
    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-MM-dd", "d/M/uuuu",
            "d.M.uuuu", "d-M-uuuu").map(p -> DateTimeFormatter.ofPattern(p)
                    .withResolverStyle(ResolverStyle.STRICT)).toList();
    /** What to do about formulas saved without their results. */
    private static final String RECOMPUTE = "open the file in Excel or LibreOffice, save it"
            + " there, and upload it again";
    /**
     * The smallest whole number with more digits than Excel keeps (15): a number cell this
     * large may have lost its last digits, so it cannot be trusted as an identifier.
     */
    private static final double FIRST_ROUNDED_NUMBER = 1e15;
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Ages given and computed from the date of birth may differ by this much, in years. */
    private static final double AGE_TOLERANCE = 1.0;

    private final Map<Column, MappedColumn> columns = new HashMap<>();
    private final LocalDate today;

    /**
     * @param columns the file's mapped columns
     * @param today the upload date, for ages computed without a sample date
     */
    RowInterpreter(List<MappedColumn> columns, LocalDate today) {
        columns.forEach(c -> this.columns.put(c.column(), c));
        this.today = today;
    }

    /**
     * Interprets one row.
     *
     * @throws RowRejectedException naming the column and the value when the row is unusable
     */
    PatientEntry interpret(SheetRow row) {
        if (row.malformed() != null) {
            throw new RowRejectedException(null, row.malformed());
        }
        for (Column column : List.of(Column.IDENTIFIER, Column.NAME, Column.SEX,
                Column.BIRTH_DATE, Column.SAMPLE_DATE)) {
            if (row.uncomputed().contains(column)) {
                throw new RowRejectedException(header(column), "the cell holds a formula saved"
                        + " without its result; " + RECOMPUTE);
            }
        }
        String id = identifier(row.cells().get(Column.IDENTIFIER)).orElseThrow(() ->
                new RowRejectedException(null, "no patient identifier"));
        String name = name(row.cells().get(Column.NAME));
        Sex sex = sex(row.cells().get(Column.SEX), header(Column.SEX));

        List<String> notes = new ArrayList<>();
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        Map<Parameter, PatientEntry.Received> received = new EnumMap<>(Parameter.class);
        row.cells().forEach((column, value) -> column.parameter().ifPresent(p -> values.put(p,
                number(columns.get(column), p, value, notes, received))));
        row.uncomputed().forEach(column -> column.parameter().ifPresent(p -> notes.add(
                p.label() + " (" + header(column) + ") is a formula saved without its result,"
                        + " so it was read as missing; " + RECOMPUTE)));
        if (values.isEmpty() || values.keySet().equals(AGE_ONLY)) {
            throw new RowRejectedException(null, row.uncomputed().isEmpty()
                    ? "no laboratory value"
                    : "no laboratory value: its cells hold formulas saved without their"
                            + " results; " + RECOMPUTE);
        }
        if (!values.containsKey(Parameter.AGE)) {
            ageFromBirthDate(row, notes).ifPresent(age -> values.put(Parameter.AGE, age));
        } else if (row.cells().containsKey(Column.BIRTH_DATE)) {
            List<String> ignored = new ArrayList<>();
            ageFromBirthDate(row, ignored).filter(computed ->
                    Math.abs(computed - values.get(Parameter.AGE)) > AGE_TOLERANCE)
                    .ifPresent(computed -> notes.add("The age given, "
                            + plain(values.get(Parameter.AGE)) + " years, differs from the "
                            + plain(computed) + " years of the date of birth; the age given"
                            + " was used."));
        }
        Double age = values.get(Parameter.AGE);
        if (age != null && (age > OLDEST_PLAUSIBLE_AGE || age < 0)) {
            Object typed = row.cells().get(Column.of(Parameter.AGE));
            throw new RowRejectedException(header(Column.of(Parameter.AGE)),
                    "'" + cellText(typed == null ? age : typed) + "' is not an age in years");
        }
        return new PatientEntry(row.rowNumber(), id, name, sex, values, notes, received);
    }

    private String header(Column column) {
        MappedColumn mapped = columns.get(column);
        return mapped == null ? null : mapped.header();
    }

    /**
     * A cell as text for people: a number as Excel shows it (a whole number without decimals,
     * a number of more than 15 digits with the 15 Excel keeps, never in powers of ten), other
     * cells as they are.
     *
     * @return the text, or {@code null} for an empty cell
     */
    static String cellText(Object cell) {
        if (cell instanceof Double number) {
            if (Math.abs(number) >= FIRST_ROUNDED_NUMBER) {
                return new BigDecimal(number).round(EXCEL_DIGITS).toPlainString();
            }
            return number == Math.rint(number) ? Long.toString(number.longValue())
                    : number.toString();
        }
        return cell == null ? null : cell.toString();
    }

    private Optional<String> identifier(Object cell) {
        if (cell instanceof Double number && Math.abs(number) >= FIRST_ROUNDED_NUMBER) {
            throw new RowRejectedException(header(Column.IDENTIFIER), "the identifier "
                    + cellText(cell) + " is a number of more than"
                    + " 15 digits, and Excel keeps only 15: its last digits may not be the"
                    + " patient's. Format the column as text and type the identifiers again");
        }
        Optional<String> id = Optional.ofNullable(cellText(cell)).map(String::trim)
                .filter(s -> !s.isEmpty());
        if (id.isPresent() && id.get().length() > Patient.MAX_EXTERNAL_ID) {
            throw new RowRejectedException(header(Column.IDENTIFIER), "the identifier has "
                    + id.get().length() + " characters; the most accepted is "
                    + Patient.MAX_EXTERNAL_ID);
        }
        return id;
    }

    private String name(Object cell) {
        if (cell == null) {
            return null;
        }
        String name = (cell instanceof Double number ? plain(number) : cell.toString()).strip()
                .replaceAll("\\s+", " ");
        if (name.length() > Patient.MAX_FULL_NAME) {
            throw new RowRejectedException(header(Column.NAME), "the name has " + name.length()
                    + " characters; the most accepted is " + Patient.MAX_FULL_NAME);
        }
        return name.isEmpty() ? null : name;
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

    private static double number(MappedColumn column, Parameter p, Object cell,
            List<String> notes, Map<Parameter, PatientEntry.Received> received) {
        Optional<Units.Conversion> unit = column == null ? Optional.empty() : column.unit();
        String header = column == null ? p.label() : column.header();
        double value;
        String text;
        if (cell instanceof Double number) {
            value = number;
            text = plain(number);
        } else {
            TypedNumber typed = TypedNumber.parse(cell.toString()).orElseThrow(() ->
                    new RowRejectedException(header, "'" + cell + "' is not a number"));
            value = typed.value();
            text = withoutUnit(typed);
            if (typed.unit().isPresent()) {
                unit = Optional.of(Units.conversion(p, typed.unit().get()).orElseThrow(() ->
                        new RowRejectedException(header, "'" + cell + "': " + typed.unit().get()
                                + " is not a unit of " + p.label())));
            }
            if (typed.censoring() != TypedNumber.Censoring.NONE) {
                notes.add(p.label() + " '" + typed.text() + "' is "
                        + (typed.censoring() == TypedNumber.Censoring.BELOW ? "below" : "above")
                        + " the laboratory's limit; the limit " + plain(value)
                        + " was used.");
            }
        }
        received.put(p, new PatientEntry.Received(text,
                unit.map(Units.Conversion::unit).orElse(null)));
        if (unit.isPresent() && !unit.get().isIdentity()) {
            notes.add(unit.get().note(value));
            return unit.get().apply(value);
        }
        return value;
    }

    /** The cell's text without the unit written after the number, which is kept apart. */
    private static String withoutUnit(TypedNumber typed) {
        String text = typed.text();
        return typed.unit().filter(text::endsWith)
                .map(u -> text.substring(0, text.length() - u.length()).strip())
                .orElse(text);
    }

    private Optional<Double> ageFromBirthDate(SheetRow row, List<String> notes) {
        Object birthCell = row.cells().get(Column.BIRTH_DATE);
        if (birthCell == null) {
            return Optional.empty();
        }
        LocalDate birth = date(birthCell, header(Column.BIRTH_DATE));
        Object sampleCell = row.cells().get(Column.SAMPLE_DATE);
        LocalDate at = sampleCell == null ? today : date(sampleCell, header(Column.SAMPLE_DATE));
        if (birth.isAfter(at)) {
            throw new RowRejectedException(header(Column.BIRTH_DATE), "the date of birth "
                    + birth + " is after the " + (sampleCell == null ? "upload" : "sample")
                    + " date " + at);
        }
        double age = BigDecimal.valueOf(ChronoUnit.DAYS.between(birth, at) / DAYS_PER_YEAR)
                .setScale(1, RoundingMode.HALF_UP).doubleValue();
        notes.add("Age " + plain(age) + " years computed from the date of birth at the "
                + (sampleCell == null ? "upload date (no sample date given)" : "sample date")
                + ".");
        return Optional.of(age);
    }

    private static LocalDate date(Object cell, String header) {
        if (cell instanceof LocalDate date) {
            return date;
        }
        String text = cell.toString().trim().split("[ T]")[0];
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        throw new RowRejectedException(header, "'" + cell + "' is not a date (use 2024-03-12"
                + " or 12/03/2024)");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
