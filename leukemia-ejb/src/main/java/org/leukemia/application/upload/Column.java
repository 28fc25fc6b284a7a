package org.leukemia.application.upload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.leukemia.ml.Parameter;

/**
 * What a workbook column holds: the patient identifier, the sex, the date of birth, the date
 * the sample was taken, or one laboratory parameter.
 *
 * @param kind the kind of content
 * @param parameter the parameter, for {@link Kind#PARAMETER} columns only
 */
public record Column(Kind kind, Optional<Parameter> parameter) {

    /** The kinds of column the reader understands. */
    public enum Kind { IDENTIFIER, NAME, SEX, BIRTH_DATE, SAMPLE_DATE, PARAMETER }

    static final Column IDENTIFIER = new Column(Kind.IDENTIFIER, Optional.empty());
    static final Column NAME = new Column(Kind.NAME, Optional.empty());
    static final Column SEX = new Column(Kind.SEX, Optional.empty());
    static final Column BIRTH_DATE = new Column(Kind.BIRTH_DATE, Optional.empty());
    static final Column SAMPLE_DATE = new Column(Kind.SAMPLE_DATE, Optional.empty());

    /** Checks that a parameter is given exactly for parameter columns. */
    public Column {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parameter, "parameter");
        if ((kind == Kind.PARAMETER) != parameter.isPresent()) {
            throw new IllegalArgumentException("A parameter goes with PARAMETER columns only");
        }
    }

    static Column of(Parameter parameter) {
        return new Column(Kind.PARAMETER, Optional.of(parameter));
    }

    /** @return every column the reader understands, in the order a doctor chooses from */
    public static List<Column> all() {
        List<Column> all = new ArrayList<>(List.of(IDENTIFIER, NAME, SEX, BIRTH_DATE,
                SAMPLE_DATE));
        Arrays.stream(Parameter.values()).map(Column::of).forEach(all::add);
        return all;
    }

    /**
     * The column a stable key names, as {@link #key()} gives it.
     *
     * @param key "identifier", "name", "sex", "birth_date", "sample_date" or a parameter key
     * @return the column; empty for a blank or unknown key
     */
    public static Optional<Column> fromKey(String key) {
        return all().stream().filter(c -> c.key().equals(key == null ? "" : key.trim()))
                .findFirst();
    }

    /**
     * @return a stable key: "identifier", "name", "sex", "birth_date", "sample_date" or a
     *     parameter key
     */
    public String key() {
        return parameter.map(Parameter::key)
                .orElseGet(() -> kind.name().toLowerCase(Locale.ROOT));
    }

    /** @return a name for people, with the canonical unit of a parameter */
    public String label() {
        return parameter.map(p -> p.label().endsWith("(" + p.unit() + ")") ? p.label()
                : p.label() + " (" + p.unit() + ")").orElseGet(() ->
                switch (kind) {
                    case IDENTIFIER -> "Patient identifier";
                    case NAME -> "Patient name";
                    case SEX -> "Sex";
                    case BIRTH_DATE -> "Date of birth (for the age; not stored)";
                    case SAMPLE_DATE -> "Sample date";
                    case PARAMETER -> throw new IllegalStateException("parameter without one");
                });
    }
}
