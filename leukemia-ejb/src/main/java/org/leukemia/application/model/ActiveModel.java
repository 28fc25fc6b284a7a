package org.leukemia.application.model;

import org.leukemia.ml.TrainedModel;

/**
 * The model that serves predictions, with the registry entry it was loaded from.
 *
 * @param versionId database id of the {@code ModelVersion}
 * @param version the version number shown to users
 * @param syntheticTrainingData whether the model learned from synthetic patients only
 * @param model the servable model
 */
public record ActiveModel(long versionId, int version, boolean syntheticTrainingData,
        TrainedModel model) {
}
