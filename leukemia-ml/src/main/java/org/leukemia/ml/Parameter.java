package org.leukemia.ml;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Canonical laboratory parameters known to the product.
 *
 * <p>{@link #key()} is a stable lowercase identifier that is stored in the database and used as
 * the model's feature name, so it must never change. {@link #unit()} is the canonical unit in
 * which {@link LabValues} hold the value and {@link #label()} a name for humans.
 */
public enum Parameter {
    /** Age at diagnosis. */
    AGE("age", "years", "Age"),
    /** White blood cell count. */
    WBC("wbc", "10^9/L", "White blood cells"),
    /** Haemoglobin; accepted but not used by the current models (no training data has it). */
    HAEMOGLOBIN("haemoglobin", "g/L", "Haemoglobin"),
    /** Red blood cell count; accepted but not used by the current models. */
    RBC("rbc", "10^12/L", "Red blood cells"),
    /** Mean corpuscular volume. */
    MCV("mcv", "fL", "Mean corpuscular volume"),
    /** Mean corpuscular haemoglobin concentration. */
    MCHC("mchc", "g/L", "Mean corpuscular haemoglobin concentration"),
    /** Platelet count. */
    PLATELETS("platelets", "10^9/L", "Platelets"),
    /** Absolute neutrophil count. */
    NEUTROPHILS("neutrophils", "10^9/L", "Neutrophils"),
    /** Neutrophils as a share of white cells. */
    NEUTROPHILS_PERCENT("neutrophils_pct", "%", "Neutrophils (%)"),
    /** Absolute lymphocyte count. */
    LYMPHOCYTES("lymphocytes", "10^9/L", "Lymphocytes"),
    /** Lymphocytes as a share of white cells. */
    LYMPHOCYTES_PERCENT("lymphocytes_pct", "%", "Lymphocytes (%)"),
    /** Absolute monocyte count. */
    MONOCYTES("monocytes", "10^9/L", "Monocytes"),
    /** Monocytes as a share of white cells. */
    MONOCYTES_PERCENT("monocytes_pct", "%", "Monocytes (%)"),
    /** Prothrombin time expressed as activity (Quick) percentage. */
    PT_PERCENT("pt_pct", "%", "Prothrombin time (%)"),
    /** Fibrinogen. */
    FIBRINOGEN("fibrinogen", "g/L", "Fibrinogen"),
    /** Lactate dehydrogenase. */
    LDH("ldh", "U/L", "Lactate dehydrogenase");

    private final String key;
    private final String unit;
    private final String label;

    private static final Map<String, Parameter> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Parameter::key, p -> p));

    Parameter(String key, String unit, String label) {
        this.key = key;
        this.unit = unit;
        this.label = label;
    }

    /**
     * Returns the stable identifier stored in the database.
     *
     * @return lowercase key, for example {@code "neutrophils_pct"}
     */
    public String key() {
        return key;
    }

    /**
     * Returns the canonical unit of the value.
     *
     * @return unit such as {@code "10^9/L"}
     */
    public String unit() {
        return unit;
    }

    /**
     * Returns a name for humans.
     *
     * @return display label
     */
    public String label() {
        return label;
    }

    /**
     * Finds the parameter with the given key.
     *
     * @param key stable key, compared ignoring case and surrounding blanks; may be null
     * @return the parameter, or empty when no parameter has this key
     */
    public static Optional<Parameter> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key.strip().toLowerCase(Locale.ROOT)));
    }
}
