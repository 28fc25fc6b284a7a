package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import org.leukemia.application.export.ExportedWorkbooks;

class UploadReportWorkbookTest {

    @Test
    void identifiersFromTheFileNeverActAsFormulas() throws Exception {
        List<RowOutcome> rows = new ArrayList<>();
        int number = 2;
        for (String identifier : ExportedWorkbooks.FORMULA_LIKE) {
            rows.add(new RowOutcome(number++, identifier, RowOutcome.Status.STORED, "AML", 0.8,
                    false, null));
        }
        rows.add(new RowOutcome(number, null, RowOutcome.Status.REJECTED, null, null, false,
                "=cmd|' /C calc'!A0 is no number"));
        UploadReport report = new UploadReport(7, "=labs.xlsx", "ab".repeat(32), 1, true,
                List.of("-notes"), rows);

        byte[] xlsx = UploadReportWorkbook.write(report);

        ExportedWorkbooks.assertInert(xlsx);
        assertThat(ExportedWorkbooks.cells(xlsx))
                .filteredOn(c -> c.getCellType() == CellType.STRING)
                .filteredOn(c -> c.getStringCellValue().startsWith("=")
                        || c.getStringCellValue().startsWith("-"))
                .extracting(c -> c.getStringCellValue())
                .contains("=labs.xlsx", "-notes", "=cmd|' /C calc'!A0 is no number");
    }
}
