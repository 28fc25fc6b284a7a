package org.leukemia.application.model;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.leukemia.ml.ModelMetadata;

/** Writes a model's metadata as the JSON kept beside it in the registry. */
final class ModelMetadataJson {

    private ModelMetadataJson() {
    }

    static String write(ModelMetadata metadata) {
        JsonObjectBuilder classCounts = Json.createObjectBuilder();
        metadata.classCounts().forEach((subtype, count) -> classCounts.add(subtype.name(), count));
        JsonObjectBuilder hyperparameters = Json.createObjectBuilder();
        metadata.hyperparameters().forEach(hyperparameters::add);

        return Json.createObjectBuilder()
                .add("description", metadata.description())
                .add("trainingSource", metadata.trainingSource())
                .add("syntheticTrainingData", metadata.syntheticTrainingData())
                .add("classCounts", classCounts)
                .add("trainingDataSha256", metadata.trainingDataSha256())
                .add("hyperparameters", hyperparameters)
                .add("seed", metadata.seed())
                .add("trainedAt", metadata.trainedAt().toString())
                .add("tribuoVersion", metadata.tribuoVersion())
                .add("features", Json.createArrayBuilder(metadata.features()))
                .build()
                .toString();
    }
}
