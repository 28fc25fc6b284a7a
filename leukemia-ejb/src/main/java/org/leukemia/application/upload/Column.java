package org.leukemia.application.upload;

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
    public enum Kind { IDENTIFIER, SEX, BIRTH_DATE, SAMPLE_DATE, PARAMETER }

    static final Column IDENTIFIER = new Column(Kind.IDENTIFIER, Optional.empty());
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
}
