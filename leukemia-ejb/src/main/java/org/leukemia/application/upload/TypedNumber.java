package org.leukemia.application.upload;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.leukemia.ml.Units;

/**
 * A number as people type it into a cell: "12,5", "12 500", "12.3 H", "0.2 *", "<0.5",
 * "> 1000", "4.5 g/L".
 *
 * <p>Policy for censored values (written down in the README): a value given as below or above
 * a limit ("&lt;0.5", "&gt;1000") is read as the limit itself, and the row carries a warning
 * that says so. The laboratory's high and low flags (H, L, HH, LL, *, !, ↑, ↓, A) after
 * the number are dropped; they say nothing the number does not. A decimal comma is a
 * decimal separator; spaces between groups of three digits are thousands separators.
 *
 * @param value the number
 * @param censoring whether the number is a limit rather than a measurement
 * @param unit the unit written in the cell, if any
 * @param text the cell as typed, for messages
 */
record TypedNumber(double value, Censoring censoring, Optional<String> unit, String text) {

    /** Whether the laboratory gave a measurement or only a limit. */
    enum Censoring { NONE, BELOW, ABOVE }

    private static final Pattern NUMBER = Pattern.compile(
            "^(?<cmp><=|>=|≤|≥|<|>)?\\s*(?<num>[+-]?(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+"
                    + "|\\d+)(?:[.,]\\d+)?(?:[eE][+-]?\\d+)?|[+-]?[.,]\\d+)(?<rest>.*)$");
    private static final Set<String> FLAGS = Set.of("h", "l", "hh", "ll", "a", "*", "**", "***",
            "!", "!!", "↑", "↓", "↑↑", "↓↓", "(h)", "(l)", "+", "n");

    /**
     * Reads a cell's text.
     *
     * @param text the text as typed
     * @return the number, or empty when the text is not a number in any of these forms (or
     *     has words after it that are neither a flag nor a unit)
     */
    static Optional<TypedNumber> parse(String text) {
        String trimmed = text.strip();
        Matcher m = NUMBER.matcher(trimmed);
        if (!m.matches()) {
            return Optional.empty();
        }
        double value;
        try {
            value = Double.parseDouble(m.group("num").replaceAll("[ \\u00A0\\u202F]", "")
                    .replace(',', '.'));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<String> rest = Arrays.stream(m.group("rest").strip().split("\\s+"))
                .filter(t -> !t.isEmpty())
                .filter(t -> !FLAGS.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
        String unit = rest.stream().collect(Collectors.joining(" "));
        if (!unit.isEmpty() && !Units.isKnownUnit(unit)) {
            return Optional.empty();
        }
        Censoring censoring = switch (m.group("cmp") == null ? "" : m.group("cmp")) {
            case "<", "<=", "≤" -> Censoring.BELOW;
            case ">", ">=", "≥" -> Censoring.ABOVE;
            default -> Censoring.NONE;
        };
        return Optional.of(new TypedNumber(value, censoring,
                unit.isEmpty() ? Optional.empty() : Optional.of(unit), trimmed));
    }
}
