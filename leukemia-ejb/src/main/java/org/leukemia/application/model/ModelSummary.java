package org.leukemia.application.model;

import java.time.LocalDateTime;

/**
 * A registered model as an auditor sees it.
 *
 * @param version the version number that predictions reference
 * @param description what the model is, in words
 * @param trainingSource the data it learned from
 * @param syntheticTrainingData whether that data was synthetic
 * @param active whether it serves predictions now
 * @param createdAt when it was trained (UTC)
 * @param trainingDataSha256 fingerprint of the training data
 * @param metadataJson settings, class counts and other training records, as JSON
 * @param provenanceJson Tribuo's provenance of the model, as JSON
 * @param modelCard the model card generated from the model's records, as Markdown
 */
public record ModelSummary(int version, String description, String trainingSource,
        boolean syntheticTrainingData, boolean active, LocalDateTime createdAt,
        String trainingDataSha256, String metadataJson, String provenanceJson,
        String modelCard) {
}
