package org.leukemia.application.upload;

import java.util.List;
import java.util.Map;

/**
 * What a workbook holds, read but not yet interpreted.
 *
 * @param columns the recognised columns, by header text
 * @param ignoredHeaders headers that name nothing this product reads
 * @param rows the data rows below the header, blank rows left out
 */
public record WorkbookContent(Map<String, Column> columns, List<String> ignoredHeaders,
        List<SheetRow> rows) {
}
