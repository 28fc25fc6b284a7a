package org.leukemia.ml.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leukemia.ml.ModelMetadata;
import org.leukemia.ml.Subtype;
import org.leukemia.ml.training.Calibration;
import org.leukemia.ml.training.CvResult;
import org.leukemia.ml.training.DistributionGuard;
import org.leukemia.ml.training.RankLogisticRegression;

/** Writes and reads {@link ModelMetadata} as JSON with Jackson's tree model. */
public final class MetadataJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetadataJson() {
    }

    /**
     * Writes metadata as indented JSON.
     *
     * @param metadata the metadata
     * @return JSON text
     */
    public static String write(ModelMetadata metadata) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("description", metadata.description());
        root.put("trainingSource", metadata.trainingSource());
        root.put("syntheticTrainingData", metadata.syntheticTrainingData());
        ObjectNode counts = root.putObject("classCounts");
        metadata.classCounts().forEach((s, n) -> counts.put(s.name(), n));
        root.put("trainingDataSha256", metadata.trainingDataSha256());
        ObjectNode hyper = root.putObject("hyperparameters");
        metadata.hyperparameters().forEach(hyper::put);
        root.put("seed", metadata.seed());
        root.put("trainedAt", metadata.trainedAt().toString());
        root.put("tribuoVersion", metadata.tribuoVersion());
        var features = root.putArray("features");
        metadata.features().forEach(features::add);
        root.set("crossValidation", MAPPER.valueToTree(metadata.crossValidation()));
        root.set("calibration", MAPPER.valueToTree(metadata.calibration()));
        ObjectNode cut = root.putObject("confidentCutoffs");
        metadata.confidentCutoffs().forEach((s, v) -> cut.put(s.name(), v));
        root.set("distributionGuard", MAPPER.valueToTree(metadata.distributionGuard()));
        root.set("outOfFoldFigures", MAPPER.valueToTree(metadata.outOfFoldFigures()));
        if (metadata.linearModel() != null) {
            root.set("linearModel", MAPPER.valueToTree(metadata.linearModel()));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model metadata", e);
        }
    }

    /**
     * Reads metadata written by {@link #write}.
     *
     * @param json JSON text
     * @return the metadata
     * @throws IllegalArgumentException if the text is not valid metadata
     */
    private static Map<Subtype, Double> cutoffs(JsonNode node) {
        Map<Subtype, Double> cut = new EnumMap<>(Subtype.class);
        node.fields().forEachRemaining(
                e -> cut.put(Subtype.valueOf(e.getKey()), e.getValue().asDouble()));
        return cut;
    }

    private static Map<String, Double> figures(JsonNode node) {
        Map<String, Double> figures = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asDouble()));
        return figures;
    }

    public static ModelMetadata read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Map<Subtype, Integer> counts = new EnumMap<>(Subtype.class);
            root.required("classCounts").fields().forEachRemaining(
                    e -> counts.put(Subtype.valueOf(e.getKey()), e.getValue().asInt()));
            Map<String, String> hyper = new LinkedHashMap<>();
            root.required("hyperparameters").fields().forEachRemaining(
                    e -> hyper.put(e.getKey(), e.getValue().asText()));
            List<String> features = new ArrayList<>();
            root.required("features").forEach(f -> features.add(f.asText()));
            return new ModelMetadata(
                    root.required("description").asText(),
                    root.required("trainingSource").asText(),
                    root.required("syntheticTrainingData").asBoolean(),
                    counts,
                    root.required("trainingDataSha256").asText(),
                    hyper,
                    root.required("seed").asLong(),
                    Instant.parse(root.required("trainedAt").asText()),
                    root.required("tribuoVersion").asText(),
                    features,
                    List.of(MAPPER.treeToValue(root.required("crossValidation"),
                            CvResult[].class)),
                    MAPPER.treeToValue(root.required("calibration"), Calibration.class),
                    cutoffs(root.required("confidentCutoffs")),
                    MAPPER.treeToValue(root.required("distributionGuard"),
                            DistributionGuard.class),
                    figures(root.required("outOfFoldFigures")),
                    root.hasNonNull("linearModel") ? MAPPER.treeToValue(
                            root.get("linearModel"), RankLogisticRegression.class) : null);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("invalid model metadata: " + e.getMessage(), e);
        }
    }
}
