package org.leukemia.web.api;

import java.util.List;
import org.leukemia.application.upload.RowOutcome;
import org.leukemia.application.upload.UploadReport;

/**
 * An upload's report as the API answers it: the report's fields, with the counts a caller
 * would otherwise have to make from the rows.
 *
 * @param uploadId the stored upload
 * @param fileName the file name as sent
 * @param sha256 the file's SHA-256
 * @param modelVersion the model version that made the predictions, or null when none was made
 * @param syntheticModel whether that model was trained on synthetic patients
 * @param ignoredColumns the headers not read
 * @param rowsStored rows stored, with or without warnings
 * @param rowsRejected rows rejected, each with its reason in {@code rows}
 * @param rows the outcome of every data row, in the file's order
 */
public record UploadAnswer(long uploadId, String fileName, String sha256, Integer modelVersion,
        boolean syntheticModel, List<String> ignoredColumns, long rowsStored, long rowsRejected,
        List<RowOutcome> rows) {

    /** @return the answer for {@code report}, or null for none */
    static UploadAnswer of(UploadReport report) {
        return report == null ? null : new UploadAnswer(report.uploadId(), report.fileName(),
                report.sha256(), report.modelVersion(), report.syntheticModel(),
                report.ignoredColumns(), report.storedCount(), report.rejectedCount(),
                report.rows());
    }
}
