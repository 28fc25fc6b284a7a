package org.leukemia.ml;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Units that laboratories write beside a value ("MCHC (g/dL)", "4500 /µL"), and how each turns
 * into the parameter's canonical unit ({@link Parameter#unit()}).
 *
 * <p>A unit is declared: when a file states it, the value is converted by this table and never
 * guessed. The {@link Normaliser}'s plausibility rules only apply to values whose unit was not
 * stated. A unit this table does not know, or one that cannot be converted without more
 * information (a prothrombin time in seconds, say), has no conversion: the caller must refuse
 * the value rather than read it in the wrong unit.
 */
public final class Units {

    /**
     * How a value in a declared unit becomes canonical: multiply by {@code factor}.
     *
     * @param parameter the parameter
     * @param unit the unit as it was written
     * @param factor the multiplier to the canonical unit
     */
    public record Conversion(Parameter parameter, String unit, double factor) {

        /** @return {@code true} when values are already in the canonical unit */
        public boolean isIdentity() {
            return factor == 1.0;
        }

        /**
         * Converts a value.
         *
         * @param value the value in the declared unit
         * @return the value in the canonical unit
         */
        public double apply(double value) {
            // through BigDecimal, so that 34.4 g/dL gives 344 g/L and not 343.99999999999994
            return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(factor)).doubleValue();
        }

        /**
         * The note that records a conversion, for the doctor and the audit.
         *
         * @param value the value as written
         * @return a sentence naming both values and units
         */
        public String note(double value) {
            return parameter.label() + " " + plain(value) + " " + unit + " converted to "
                    + plain(apply(value)) + " " + parameter.unit() + ".";
        }
    }

    private static final Set<Parameter> COUNTS = Set.of(Parameter.WBC, Parameter.PLATELETS,
            Parameter.NEUTROPHILS, Parameter.LYMPHOCYTES, Parameter.MONOCYTES);
    private static final Set<Parameter> PERCENTAGES = Set.of(Parameter.NEUTROPHILS_PERCENT,
            Parameter.LYMPHOCYTES_PERCENT, Parameter.MONOCYTES_PERCENT, Parameter.PT_PERCENT);

    private static final Map<String, Double> COUNT_UNITS = Map.ofEntries(
            Map.entry("10^9/l", 1.0), Map.entry("g/l", 1.0), Map.entry("giga/l", 1.0),
            Map.entry("10^3/ul", 1.0), Map.entry("10^3/mm3", 1.0), Map.entry("k/ul", 1.0),
            Map.entry("/nl", 1.0), Map.entry("10^9", 1.0),
            Map.entry("/ul", 0.001), Map.entry("/mm3", 0.001), Map.entry("cells/ul", 0.001),
            Map.entry("ul", 0.001), Map.entry("mm3", 0.001), Map.entry("/l", 1e-9));
    private static final Map<String, Double> CONCENTRATION_UNITS = Map.of(
            "g/l", 1.0, "g/dl", 10.0, "mmol/l", 16.113);
    private static final Map<String, Double> FIBRINOGEN_UNITS = Map.of(
            "g/l", 1.0, "mg/dl", 0.01, "mg/l", 0.001);
    private static final Map<String, Double> ENZYME_UNITS = Map.of(
            "u/l", 1.0, "ui/l", 1.0, "iu/l", 1.0, "ukat/l", 60.0, "nkat/l", 0.06);
    private static final Map<String, Double> VOLUME_UNITS = Map.of("fl", 1.0, "um3", 1.0);
    private static final Map<String, Double> RBC_UNITS = Map.of(
            "10^12/l", 1.0, "t/l", 1.0, "tera/l", 1.0, "10^6/ul", 1.0, "10^6/mm3", 1.0,
            "m/ul", 1.0);
    private static final Map<String, Double> AGE_UNITS = Map.of(
            "years", 1.0, "year", 1.0, "y", 1.0, "yr", 1.0, "yrs", 1.0, "ans", 1.0,
            "annees", 1.0, "months", 1.0 / 12, "month", 1.0 / 12, "mois", 1.0 / 12);
    private static final Map<String, Double> PERCENT_UNITS = Map.of("%", 1.0);

    private static final Map<Parameter, Map<String, Double>> TABLE = table();

    private Units() {
    }

    private static Map<Parameter, Map<String, Double>> table() {
        Map<Parameter, Map<String, Double>> t = new EnumMap<>(Parameter.class);
        COUNTS.forEach(p -> t.put(p, COUNT_UNITS));
        PERCENTAGES.forEach(p -> t.put(p, PERCENT_UNITS));
        t.put(Parameter.MCHC, CONCENTRATION_UNITS);
        t.put(Parameter.HAEMOGLOBIN, CONCENTRATION_UNITS);
        t.put(Parameter.FIBRINOGEN, FIBRINOGEN_UNITS);
        t.put(Parameter.LDH, ENZYME_UNITS);
        t.put(Parameter.MCV, VOLUME_UNITS);
        t.put(Parameter.RBC, RBC_UNITS);
        t.put(Parameter.AGE, AGE_UNITS);
        return t;
    }

    /**
     * The conversion of a declared unit.
     *
     * @param parameter the parameter the value measures
     * @param unit the unit as written, for example "G/L", "x10³/µL", "g/dL", "µkat/L"
     * @return the conversion, or empty when the unit is unknown for this parameter
     */
    public static Optional<Conversion> conversion(Parameter parameter, String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        Map<String, Double> known = TABLE.getOrDefault(parameter, Map.of());
        return Optional.ofNullable(known.get(fold(unit)))
                .map(factor -> new Conversion(parameter, unit.trim(), factor));
    }

    /**
     * Whether a text can be a unit of some parameter (so that "4.5 g/L" in a cell is a value
     * with its unit, and "4.5 ward B" is not).
     *
     * @param text the text after a number
     * @return {@code true} for a unit this table knows for any parameter
     */
    public static boolean isKnownUnit(String text) {
        String folded = fold(text);
        return TABLE.values().stream().anyMatch(m -> m.containsKey(folded));
    }

    /**
     * The canonical spelling used for matching: lower case, no spaces, µ and μ as u, ³ and
     * "e" powers of ten written with ^, the multiplication sign dropped.
     */
    static String fold(String unit) {
        String s = Normalizer.normalize(unit.trim(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('µ', 'u').replace('μ', 'u')
                .replaceAll("\\s+", "");
        s = s.replaceAll("^[x×*]", "")
                .replace("x10", "10").replace("×10", "10").replace("*10", "10")
                .replace("10e", "10^").replace("10**", "10^").replace("10*", "10^");
        // "10³/µL" became "103/ul" under NFKC: put the power back
        s = s.replaceAll("^10([369]|12)/", "10^$1/");
        return s.replace("mm^3", "mm3").replace("um^3", "um3").replace("/mcl", "/ul");
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
