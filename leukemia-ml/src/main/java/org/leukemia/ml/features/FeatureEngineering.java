package org.leukemia.ml.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.Parameter;

/**
 * The one place where model features are computed from canonical values: the parameters of
 * a {@link FeatureSchema} and, optionally, derived features a haematologist would compute.
 *
 * <p>Derived features (each present only when all its inputs are present):
 * <ul>
 *   <li>{@code unclassified_pct}: 100 minus the neutrophil, lymphocyte and monocyte
 *       percentages, floored at 0; the share of white cells that are none of these, mostly
 *       circulating blasts and immature cells;</li>
 *   <li>{@code log_ldh_per_wbc}: ln(LDH / WBC), cell turnover relative to the count
 *       (WBC floored at 0.1);</li>
 *   <li>{@code coagulation_index}: fibrinogen times prothrombin activity / 100, low in the
 *       consumptive coagulopathy of APL;</li>
 *   <li>{@code log_mono_lympho}: ln((monocytes + 0.01) / (lymphocytes + 0.01)), monocytic
 *       versus lymphoid picture;</li>
 *   <li>{@code log_platelets_per_wbc}: ln((platelets + 1) / (WBC + 0.1)).</li>
 * </ul>
 * Trees are insensitive to monotone transforms; the logarithms only make contributions and
 * the model card easier to read.
 */
public final class FeatureEngineering {

    /** Derived feature names and the parameters each is computed from. */
    public static final Map<String, List<Parameter>> DERIVED = derived();

    private FeatureEngineering() {
    }

    private static Map<String, List<Parameter>> derived() {
        Map<String, List<Parameter>> d = new LinkedHashMap<>();
        d.put("unclassified_pct", List.of(Parameter.NEUTROPHILS_PERCENT,
                Parameter.LYMPHOCYTES_PERCENT, Parameter.MONOCYTES_PERCENT));
        d.put("log_ldh_per_wbc", List.of(Parameter.LDH, Parameter.WBC));
        d.put("coagulation_index", List.of(Parameter.FIBRINOGEN, Parameter.PT_PERCENT));
        d.put("log_mono_lympho", List.of(Parameter.MONOCYTES, Parameter.LYMPHOCYTES));
        d.put("log_platelets_per_wbc", List.of(Parameter.PLATELETS, Parameter.WBC));
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Encodes values as named features.
     *
     * @param values canonical values
     * @param schema input parameters
     * @param withDerived whether to add the derived features
     * @return feature name to value; a missing feature is absent, a measured zero present
     */
    public static Map<String, Double> encode(LabValues values, FeatureSchema schema,
            boolean withDerived) {
        Map<String, Double> encoded = schema.encode(values);
        if (!withDerived) {
            return encoded;
        }
        OptionalDouble neut = values.get(Parameter.NEUTROPHILS_PERCENT);
        OptionalDouble lymphPct = values.get(Parameter.LYMPHOCYTES_PERCENT);
        OptionalDouble monoPct = values.get(Parameter.MONOCYTES_PERCENT);
        if (neut.isPresent() && lymphPct.isPresent() && monoPct.isPresent()) {
            encoded.put("unclassified_pct", Math.max(0.0, 100.0 - neut.getAsDouble()
                    - lymphPct.getAsDouble() - monoPct.getAsDouble()));
        }
        OptionalDouble ldh = values.get(Parameter.LDH);
        OptionalDouble wbc = values.get(Parameter.WBC);
        if (ldh.isPresent() && wbc.isPresent()) {
            encoded.put("log_ldh_per_wbc",
                    Math.log(Math.max(ldh.getAsDouble(), 1.0) / Math.max(wbc.getAsDouble(), 0.1)));
        }
        OptionalDouble fib = values.get(Parameter.FIBRINOGEN);
        OptionalDouble pt = values.get(Parameter.PT_PERCENT);
        if (fib.isPresent() && pt.isPresent()) {
            encoded.put("coagulation_index", fib.getAsDouble() * pt.getAsDouble() / 100.0);
        }
        OptionalDouble mono = values.get(Parameter.MONOCYTES);
        OptionalDouble lymph = values.get(Parameter.LYMPHOCYTES);
        if (mono.isPresent() && lymph.isPresent()) {
            encoded.put("log_mono_lympho",
                    Math.log((mono.getAsDouble() + 0.01) / (lymph.getAsDouble() + 0.01)));
        }
        OptionalDouble plt = values.get(Parameter.PLATELETS);
        if (plt.isPresent() && wbc.isPresent()) {
            encoded.put("log_platelets_per_wbc",
                    Math.log((plt.getAsDouble() + 1.0) / (wbc.getAsDouble() + 0.1)));
        }
        return encoded;
    }

    /**
     * Returns the parameters a feature is computed from.
     *
     * @param feature feature name (a parameter key or a derived name)
     * @return its source parameters; empty for an unknown name
     */
    public static List<Parameter> sources(String feature) {
        List<Parameter> derivedSources = DERIVED.get(feature);
        if (derivedSources != null) {
            return derivedSources;
        }
        return Parameter.fromKey(feature).map(List::of).orElse(List.of());
    }
}
