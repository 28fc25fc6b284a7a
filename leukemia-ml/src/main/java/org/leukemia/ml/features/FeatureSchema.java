package org.leukemia.ml.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.LabValues;
import org.leukemia.ml.Parameter;

/**
 * The ordered list of parameters a model uses as features, and the encoding of
 * {@link LabValues} into named feature values.
 *
 * <p>Feature names are {@link Parameter#key()}. A missing parameter is simply absent from the
 * encoded map (the gradient-boosted trees learn a default branch for it); a measured zero is
 * present with the value {@code 0.0}. Haemoglobin and RBC are not in {@link #standard()}:
 * none of the training cohorts report them, so a model could not learn from them.
 *
 * @param parameters features in model order, without duplicates
 */
public record FeatureSchema(List<Parameter> parameters) {

    private static final FeatureSchema STANDARD = new FeatureSchema(List.of(
            Parameter.AGE, Parameter.WBC, Parameter.MCV, Parameter.MCHC, Parameter.PLATELETS,
            Parameter.NEUTROPHILS, Parameter.NEUTROPHILS_PERCENT,
            Parameter.LYMPHOCYTES, Parameter.LYMPHOCYTES_PERCENT,
            Parameter.MONOCYTES, Parameter.MONOCYTES_PERCENT,
            Parameter.PT_PERCENT, Parameter.FIBRINOGEN, Parameter.LDH));

    /**
     * Validates the components and copies mutable ones.
     *
     * @param parameters features in model order, without duplicates
     * @throws IllegalArgumentException if a component is out of range
     */
    public FeatureSchema {
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (parameters.isEmpty() || parameters.stream().distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("features must be non-empty and distinct");
        }
    }

    /**
     * Returns the schema of the product's models: age, WBC, MCV, MCHC, platelets, neutrophil,
     * lymphocyte and monocyte counts and percentages, prothrombin %, fibrinogen and LDH.
     *
     * @return the standard schema
     */
    public static FeatureSchema standard() {
        return STANDARD;
    }

    /**
     * Rebuilds a schema from stored feature names.
     *
     * @param keys feature names as returned by {@link #keys()}
     * @return the schema
     * @throws IllegalArgumentException if a name is not a known parameter key
     */
    public static FeatureSchema fromKeys(List<String> keys) {
        List<Parameter> parameters = new ArrayList<>();
        for (String key : keys) {
            parameters.add(Parameter.fromKey(key).orElseThrow(
                    () -> new IllegalArgumentException("unknown feature " + key)));
        }
        return new FeatureSchema(parameters);
    }

    /**
     * Returns the feature names in model order.
     *
     * @return parameter keys
     */
    public List<String> keys() {
        return parameters.stream().map(Parameter::key).toList();
    }

    /**
     * Encodes values as named features.
     *
     * @param values canonical values
     * @return feature name to value for every present feature, in schema order; a missing
     *     parameter is absent and a measured zero is present as {@code 0.0}
     */
    public Map<String, Double> encode(LabValues values) {
        Map<String, Double> encoded = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            values.get(p).ifPresent(v -> encoded.put(p.key(), v));
        }
        return encoded;
    }

    /**
     * Lists the schema's parameters that are missing from the values.
     *
     * @param values canonical values
     * @return missing features in schema order
     */
    public List<Parameter> missing(LabValues values) {
        return parameters.stream().filter(p -> values.get(p).isEmpty()).toList();
    }
}
