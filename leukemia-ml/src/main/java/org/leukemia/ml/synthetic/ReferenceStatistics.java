package org.leukemia.ml.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;

/**
 * Aggregate statistics of a reference cohort, per subtype: prevalence, missing rate and
 * quantiles of each feature, and Spearman correlations. No patient-level value is kept: the
 * quantile grid excludes 0 and 1, so neither extreme of any feature is stored.
 *
 * @param source description of the cohort the statistics were computed from
 * @param patients number of patients in that cohort
 * @param features features in the order of every per-feature array
 * @param probabilities quantile grid, strictly increasing inside (0, 1)
 * @param classes statistics per subtype
 */
public record ReferenceStatistics(String source, int patients, List<Parameter> features,
        double[] probabilities, Map<Subtype, ClassStatistics> classes) {

    /** Classpath location of the committed statistics of the AI-PAL training cohort. */
    public static final String RESOURCE = "reference-cohort-statistics.json";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Validates the components and copies mutable ones.
     *
     * @param source description of the cohort the statistics were computed from
     * @param patients number of patients in that cohort
     * @param features features in the order of every per-feature array
     * @param probabilities quantile grid, strictly increasing inside (0, 1)
     * @param classes statistics per subtype
     * @throws IllegalArgumentException if a component is out of range
     */
    public ReferenceStatistics {
        Objects.requireNonNull(source, "source");
        features = List.copyOf(features);
        probabilities = probabilities.clone();
        for (int i = 0; i < probabilities.length; i++) {
            boolean increasing = i == 0 || probabilities[i] > probabilities[i - 1];
            if (!increasing || probabilities[i] <= 0 || probabilities[i] >= 1) {
                throw new IllegalArgumentException("quantile grid must increase inside (0, 1)");
            }
        }
        EnumMap<Subtype, ClassStatistics> copy = new EnumMap<>(Subtype.class);
        copy.putAll(classes);
        if (copy.size() != Subtype.values().length) {
            throw new IllegalArgumentException("statistics needed for every subtype");
        }
        for (ClassStatistics c : copy.values()) {
            if (c.missingRates().length != features.size()) {
                throw new IllegalArgumentException("class statistics do not match features");
            }
        }
        classes = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Returns the quantile grid.
     *
     * @return a copy of the probabilities
     */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Loads the committed statistics of the AI-PAL training cohort from the classpath.
     *
     * @return the statistics
     * @throws UncheckedIOException if the resource is missing or unreadable
     */
    public static ReferenceStatistics loadDefault() {
        try (InputStream in = ReferenceStatistics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " not found");
            }
            return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the statistics as indented JSON.
     *
     * @return JSON text
     */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", source);
        root.put("patients", patients);
        ArrayNode featureNames = root.putArray("features");
        features.forEach(f -> featureNames.add(f.key()));
        array(root.putArray("probabilities"), probabilities);
        ObjectNode classNodes = root.putObject("classes");
        classes.forEach((subtype, stats) -> {
            ObjectNode node = classNodes.putObject(subtype.name());
            node.put("prevalence", stats.prevalence());
            array(node.putArray("missingRates"), stats.missingRates());
            matrix(node.putObject("quantiles"), stats.quantiles());
            ArrayNode spearman = node.putArray("spearman");
            for (double[] row : stats.spearman()) {
                array(spearman.addArray(), row);
            }
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write statistics", e);
        }
    }

    private void matrix(ObjectNode node, double[][] perFeature) {
        for (int j = 0; j < features.size(); j++) {
            array(node.putArray(features.get(j).key()), perFeature[j]);
        }
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            node.add(v);
        }
    }

    /**
     * Reads statistics written by {@link #toJson()}.
     *
     * @param json JSON text
     * @return the statistics
     * @throws IllegalArgumentException if the text is not valid statistics
     */
    public static ReferenceStatistics fromJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<Parameter> features = new ArrayList<>();
            for (JsonNode key : root.required("features")) {
                features.add(Parameter.fromKey(key.asText()).orElseThrow(
                        () -> new IllegalArgumentException("unknown feature " + key)));
            }
            Map<Subtype, ClassStatistics> classes = new EnumMap<>(Subtype.class);
            root.required("classes").fields().forEachRemaining(e -> classes.put(
                    Subtype.valueOf(e.getKey()), classStatistics(e.getValue(), features)));
            return new ReferenceStatistics(root.required("source").asText(),
                    root.required("patients").asInt(), features,
                    doubles(root.required("probabilities")), classes);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("invalid reference statistics", e);
        }
    }

    private static ClassStatistics classStatistics(JsonNode node, List<Parameter> features) {
        double[][] quantiles = new double[features.size()][];
        for (int j = 0; j < features.size(); j++) {
            quantiles[j] = doubles(node.required("quantiles").required(features.get(j).key()));
        }
        List<double[]> spearman = new ArrayList<>();
        node.required("spearman").forEach(row -> spearman.add(doubles(row)));
        return new ClassStatistics(node.required("prevalence").asDouble(),
                doubles(node.required("missingRates")), quantiles,
                spearman.toArray(double[][]::new));
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceStatistics that && patients == that.patients
                && source.equals(that.source) && features.equals(that.features)
                && java.util.Arrays.equals(probabilities, that.probabilities)
                && classes.equals(that.classes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, patients, features,
                java.util.Arrays.hashCode(probabilities), classes);
    }

    @Override
    public String toString() {
        return "ReferenceStatistics[source=" + source + ", patients=" + patients + "]";
    }
}
