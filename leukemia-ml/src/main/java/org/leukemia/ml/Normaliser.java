package org.leukemia.ml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns raw laboratory values, as centres export them, into canonical {@link LabValues}.
 *
 * <p>Every change is recorded as a note; a value is never changed silently. In order:
 * <ol>
 *   <li>non-finite or negative values are implausible and become missing;</li>
 *   <li>cell counts far above any count in 10^9/L (WBC and white-cell counts above
 *       {@value #COUNT_PER_MICROLITRE_LIMIT}, platelets above
 *       {@value #PLATELETS_PER_MICROLITRE_LIMIT}) are read as per µL (per mm³) and divided by
 *       1000;</li>
 *   <li>fibrinogen above {@value #FIBRINOGEN_MG_DL_LIMIT} is read as mg/dL and divided by
 *       100;</li>
 *   <li>MCHC below {@value #MCHC_G_DL_LIMIT} is read as g/dL and multiplied by 10;</li>
 *   <li>haemoglobin below {@value #HAEMOGLOBIN_G_DL_LIMIT} is read as g/dL and multiplied by
 *       10;</li>
 *   <li>a prothrombin value below {@value #PT_RATIO_LIMIT} is a ratio or INR, not an activity
 *       percentage, and becomes missing (a ratio cannot be converted without the reference
 *       time of the centre's reagent);</li>
 *   <li>a white-cell percentage above 100 is impossible and becomes missing;</li>
 *   <li>a value still outside the range any human being can have (see
 *       {@link #plausibleRange(Parameter)}) becomes missing;</li>
 *   <li>a missing white-cell percentage is derived from its count and the WBC, and a missing
 *       count from its percentage and the WBC.</li>
 * </ol>
 * Instances are stateless and thread-safe.
 */
public final class Normaliser {

    /** MCHC values below this (in g/L) can only be g/dL: plausible g/L values are 250-400. */
    public static final double MCHC_G_DL_LIMIT = 60.0;
    /** Haemoglobin values below this (in g/L) are read as g/dL. */
    public static final double HAEMOGLOBIN_G_DL_LIMIT = 25.0;
    /** Prothrombin activity values below this are read as a ratio or INR. */
    public static final double PT_RATIO_LIMIT = 5.0;

    /** White-cell counts above this cannot be 10^9/L: they are read as per µL. */
    public static final double COUNT_PER_MICROLITRE_LIMIT = 1000.0;
    /** Platelet counts above this cannot be 10^9/L: they are read as per µL. */
    public static final double PLATELETS_PER_MICROLITRE_LIMIT = 5000.0;
    /** Fibrinogen above this cannot be g/L: it is read as mg/dL. */
    public static final double FIBRINOGEN_MG_DL_LIMIT = 20.0;

    private static final double PERCENT_MAX = 100.0;
    /** Values from here on are noted in powers of ten. */
    private static final double LARGEST_PLAIN = 1e9;
    /** Values of less than this (other than 0) are noted in powers of ten. */
    private static final double SMALLEST_PLAIN = 1e-6;

    /**
     * The range, in canonical units, outside of which a value cannot be a human measurement.
     * Deliberately wide: a value that is merely unusual is kept, and the model's own guard
     * says whether it has seen anything like it.
     */
    private static final Map<Parameter, double[]> PLAUSIBLE = Map.ofEntries(
            Map.entry(Parameter.AGE, new double[] {0, 120}),
            Map.entry(Parameter.WBC, new double[] {0.01, 1000}),
            Map.entry(Parameter.HAEMOGLOBIN, new double[] {10, 250}),
            Map.entry(Parameter.RBC, new double[] {0.1, 10}),
            Map.entry(Parameter.MCV, new double[] {10, 200}),
            Map.entry(Parameter.MCHC, new double[] {150, 500}),
            Map.entry(Parameter.PLATELETS, new double[] {0, 5000}),
            Map.entry(Parameter.NEUTROPHILS, new double[] {0, 1000}),
            Map.entry(Parameter.LYMPHOCYTES, new double[] {0, 1000}),
            Map.entry(Parameter.MONOCYTES, new double[] {0, 1000}),
            Map.entry(Parameter.PT_PERCENT, new double[] {0, 200}),
            Map.entry(Parameter.FIBRINOGEN, new double[] {0, 20}),
            Map.entry(Parameter.LDH, new double[] {1, 200_000}));

    private static final Map<Parameter, Parameter> PERCENT_OF_COUNT = Map.of(
            Parameter.NEUTROPHILS, Parameter.NEUTROPHILS_PERCENT,
            Parameter.LYMPHOCYTES, Parameter.LYMPHOCYTES_PERCENT,
            Parameter.MONOCYTES, Parameter.MONOCYTES_PERCENT);

    /** Creates a normaliser. */
    public Normaliser() {
        // stateless
    }

    /**
     * Normalises raw values.
     *
     * @param raw raw values by parameter; a null value or an absent key is missing
     * @return canonical values and a note per change
     */
    public NormalisedValues normalise(Map<Parameter, Double> raw) {
        Objects.requireNonNull(raw, "raw");
        EnumMap<Parameter, Double> values = new EnumMap<>(Parameter.class);
        raw.forEach((p, v) -> {
            if (p != null && v != null) {
                values.put(p, v);
            }
        });
        List<String> notes = new ArrayList<>();
        dropImplausible(values, notes);
        for (Parameter count : List.of(Parameter.WBC, Parameter.NEUTROPHILS,
                Parameter.LYMPHOCYTES, Parameter.MONOCYTES)) {
            convertDown(values, count, COUNT_PER_MICROLITRE_LIMIT, 1000, "per µL", notes);
        }
        convertDown(values, Parameter.PLATELETS, PLATELETS_PER_MICROLITRE_LIMIT, 1000,
                "per µL", notes);
        convertDown(values, Parameter.FIBRINOGEN, FIBRINOGEN_MG_DL_LIMIT, 100, "mg/dL", notes);
        convertGramsPerDecilitre(values, Parameter.MCHC, MCHC_G_DL_LIMIT, notes);
        convertGramsPerDecilitre(values, Parameter.HAEMOGLOBIN, HAEMOGLOBIN_G_DL_LIMIT, notes);
        dropProthrombinRatio(values, notes);
        dropImpossiblePercentages(values, notes);
        dropOutsidePlausibleRange(values, notes);
        List<String> derivations = new ArrayList<>();
        deriveCountsAndPercentages(values, derivations);
        LabValues.Builder builder = LabValues.builder();
        values.forEach(builder::set);
        return new NormalisedValues(builder.build(), notes, derivations);
    }

    private static void dropImplausible(Map<Parameter, Double> values, List<String> notes) {
        values.entrySet().removeIf(e -> {
            double v = e.getValue();
            boolean implausible = !Double.isFinite(v) || v < 0;
            if (implausible) {
                notes.add(e.getKey().label() + (Double.isInfinite(v)
                        ? " is a number too large to read" : " " + format(v)
                                + " is not a plausible value") + "; treated as missing.");
            }
            return implausible;
        });
    }

    /**
     * The range, in the parameter's canonical unit, outside of which a value cannot be a
     * human measurement; percentages are 0 to 100.
     *
     * @return {minimum, maximum}, both inclusive
     */
    public static double[] plausibleRange(Parameter parameter) {
        double[] range = PLAUSIBLE.get(parameter);
        return range == null ? new double[] {0, PERCENT_MAX} : range.clone();
    }

    private static void convertDown(Map<Parameter, Double> values, Parameter p, double limit,
            double divisor, String unit, List<String> notes) {
        Double v = values.get(p);
        if (v != null && v > limit) {
            double converted = v / divisor;
            values.put(p, converted);
            notes.add(p.label() + " " + format(v) + " read as " + unit + "; converted to "
                    + format(converted) + " " + p.unit() + ".");
        }
    }

    private static void dropOutsidePlausibleRange(
            Map<Parameter, Double> values, List<String> notes) {
        values.entrySet().removeIf(e -> {
            double[] range = plausibleRange(e.getKey());
            double v = e.getValue();
            boolean outside = v < range[0] || v > range[1];
            if (outside) {
                notes.add(e.getKey().label() + " " + format(v) + " " + e.getKey().unit()
                        + " is outside what a human being can have (" + format(range[0])
                        + " to " + format(range[1]) + "); treated as missing.");
            }
            return outside;
        });
    }

    private static void convertGramsPerDecilitre(
            Map<Parameter, Double> values, Parameter p, double limit, List<String> notes) {
        Double v = values.get(p);
        if (v != null && v > 0 && v < limit) {
            double converted = v * 10.0;
            values.put(p, converted);
            notes.add(p.label() + " " + format(v) + " read as g/dL; converted to "
                    + format(converted) + " g/L.");
        }
    }

    private static void dropProthrombinRatio(Map<Parameter, Double> values, List<String> notes) {
        Double v = values.get(Parameter.PT_PERCENT);
        if (v != null && v < PT_RATIO_LIMIT) {
            values.remove(Parameter.PT_PERCENT);
            notes.add(Parameter.PT_PERCENT.label() + " " + format(v)
                    + " is not an activity percentage (a ratio or an INR?);"
                    + " treated as missing.");
        }
    }

    private static void dropImpossiblePercentages(
            Map<Parameter, Double> values, List<String> notes) {
        for (Parameter percent : PERCENT_OF_COUNT.values()) {
            Double v = values.get(percent);
            if (v != null && v > PERCENT_MAX) {
                values.remove(percent);
                notes.add(percent.label() + " " + format(v)
                        + " exceeds 100 %; treated as missing.");
            }
        }
    }

    private static void deriveCountsAndPercentages(
            Map<Parameter, Double> values, List<String> derivations) {
        Double wbc = values.get(Parameter.WBC);
        if (wbc == null || wbc <= 0) {
            return;
        }
        for (Parameter count : List.of(
                Parameter.NEUTROPHILS, Parameter.LYMPHOCYTES, Parameter.MONOCYTES)) {
            Parameter percent = PERCENT_OF_COUNT.get(count);
            Double c = values.get(count);
            Double pct = values.get(percent);
            if (c != null && pct == null && c <= wbc) {
                double derived = round(100.0 * c / wbc, 2);
                values.put(percent, derived);
                derivations.add(percent.label() + " derived from count and WBC: "
                        + format(derived) + " %.");
            } else if (pct != null && c == null) {
                double derived = round(pct * wbc / 100.0, 3);
                values.put(count, derived);
                derivations.add(count.label() + " derived from percentage and WBC: "
                        + format(derived) + " " + count.unit() + ".");
            }
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * A value as a note shows it: as written when it is of a laboratory's size, in powers of
     * ten when it is far beyond (a number of 300 digits helps nobody).
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return (v < 0 ? "-" : "") + "a number too large to read";
        }
        double size = Math.abs(v);
        if (size >= LARGEST_PLAIN || size > 0 && size < SMALLEST_PLAIN) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
