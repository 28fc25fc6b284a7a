package org.leukemia.application.upload;

import java.util.List;

/**
 * The answer to an upload: one line per row, so that no row is ever dropped silently.
 *
 * @param uploadId the id of the stored upload record
 * @param fileName the file name as the doctor's browser sent it
 * @param sha256 the file's SHA-256, which ties every stored row back to this file
 * @param modelVersion the version of the model that made the predictions; {@code null} when
 *     no row was stored
 * @param syntheticModel whether that model was trained on synthetic patients
 * @param ignoredColumns headers that were not recognised and therefore not read
 * @param rows the outcome of each data row, in sheet order
 */
public record UploadReport(long uploadId, String fileName, String sha256, Integer modelVersion,
        boolean syntheticModel, List<String> ignoredColumns, List<RowOutcome> rows) {

    /** @return a sentence naming the model, for pages and the downloaded report */
    public String modelNote() {
        if (modelVersion == null) {
            return "No prediction was made.";
        }
        return "Predicted by model version " + modelVersion + (syntheticModel
                ? ", which was trained on SYNTHETIC patients, not on real ones." : ".");
    }

    /** @return how many rows were stored, with or without warnings */
    public long storedCount() {
        return rows.stream().filter(r -> r.status() != RowOutcome.Status.REJECTED).count();
    }

    /** @return how many rows were rejected */
    public long rejectedCount() {
        return rows.size() - storedCount();
    }
}
