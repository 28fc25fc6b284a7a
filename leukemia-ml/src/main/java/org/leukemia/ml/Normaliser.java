package org.leukemia.ml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns raw laboratory values, as centres export them, into canonical {@link LabValues}.
 *
 * <p>Every change is recorded as a note; a value is never changed silently. In order:
 * <ol>
 *   <li>non-finite or negative values are implausible and become missing;</li>
 *   <li>MCHC below {@value #MCHC_G_DL_LIMIT} is read as g/dL and multiplied by 10;</li>
 *   <li>haemoglobin below {@value #HAEMOGLOBIN_G_DL_LIMIT} is read as g/dL and multiplied by
 *       10;</li>
 *   <li>a prothrombin value below {@value #PT_RATIO_LIMIT} is a ratio or INR, not an activity
 *       percentage, and becomes missing (a ratio cannot be converted without the reference
 *       time of the centre's reagent);</li>
 *   <li>a white-cell percentage above 100 is impossible and becomes missing;</li>
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

    private static final double PERCENT_MAX = 100.0;

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
        convertGramsPerDecilitre(values, Parameter.MCHC, MCHC_G_DL_LIMIT, notes);
        convertGramsPerDecilitre(values, Parameter.HAEMOGLOBIN, HAEMOGLOBIN_G_DL_LIMIT, notes);
        dropProthrombinRatio(values, notes);
        dropImpossiblePercentages(values, notes);
        deriveCountsAndPercentages(values, notes);
        LabValues.Builder builder = LabValues.builder();
        values.forEach(builder::set);
        return new NormalisedValues(builder.build(), notes);
    }

    private static void dropImplausible(Map<Parameter, Double> values, List<String> notes) {
        values.entrySet().removeIf(e -> {
            double v = e.getValue();
            boolean implausible = !Double.isFinite(v) || v < 0;
            if (implausible) {
                notes.add(e.getKey().label() + " " + format(v)
                        + " is not a plausible value; treated as missing.");
            }
            return implausible;
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
                    + " looks like a ratio or INR, not an activity percentage;"
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
            Map<Parameter, Double> values, List<String> notes) {
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
                notes.add(percent.label() + " derived from count and WBC: "
                        + format(derived) + " %.");
            } else if (pct != null && c == null) {
                double derived = round(pct * wbc / 100.0, 3);
                values.put(count, derived);
                notes.add(count.label() + " derived from percentage and WBC: "
                        + format(derived) + " " + count.unit() + ".");
            }
        }
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
