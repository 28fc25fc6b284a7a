package org.leukemia.ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leukemia.ml.CohortFiles;
import org.leukemia.ml.LabeledCase;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.SyntheticCohort;
import org.leukemia.ml.TrainedModel;

/** The command line on synthetic cohorts written as CSV and XLSX files. */
class MainTest {

    @TempDir
    static Path dir;
    private static Path trainCsv;
    private static Path testXlsx;
    private static Path bundle;
    private static String trainOutput;

    @BeforeAll
    static void trainModel() throws IOException {
        trainCsv = dir.resolve("synthetic-train.csv");
        writeCsv(SyntheticCohort.draw(300, 21), trainCsv);
        testXlsx = dir.resolve("synthetic-test.xlsx");
        writeXlsx(SyntheticCohort.draw(120, 22), testXlsx);
        bundle = dir.resolve("model.zip");
        Result r = run("train", "--data", trainCsv.toString(), "--out", bundle.toString(),
                "--protocol", "quick", "--card", dir.resolve("card.md").toString());
        assertThat(r.status).as(r.err).isZero();
        trainOutput = r.out;
    }

    @Test
    void trainWritesALoadableBundleAndItsCard() throws IOException {
        TrainedModel model = TrainedModel.fromBytes(Files.readAllBytes(bundle));
        assertThat(model.metadata().trainingSource()).isEqualTo("synthetic-train.csv");
        assertThat(model.metadata().crossValidation()).hasSize(8);
        assertThat(Files.readString(dir.resolve("card.md")))
                .isEqualTo(model.modelCardMarkdown());
        assertThat(trainOutput).contains("# Model card");
    }

    @Test
    void xlsxAndCsvGiveTheSameCases() throws IOException {
        List<LabeledCase> cases = SyntheticCohort.draw(120, 22);
        Path csv = dir.resolve("same.csv");
        writeCsv(cases, csv);
        assertThat(CohortFiles.read(testXlsx)).isEqualTo(CohortFiles.read(csv));
    }

    @Test
    void evaluatePrintsTheReportBesideAComparisonFile() throws IOException {
        Path probabilities = dir.resolve("uniform-predictions.csv");
        StringBuilder text = new StringBuilder("case_id,diagnosis,p_ALL,p_AML,p_APL\n");
        for (LabeledCase c : CohortFiles.read(testXlsx)) {
            text.append(c.caseId()).append(',').append(c.diagnosis())
                    .append(",0.4,0.35,0.25\n");
        }
        Files.writeString(probabilities, text);

        Result r = run("evaluate", "--model", bundle.toString(), "--data", testXlsx.toString(),
                "--compare", probabilities.toString());

        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out).contains("== synthetic-test (n = 120) ==")
                .contains("macro AUC (OvR)").contains("comparison")
                .contains("0.500 (0.500-0.500)");
    }

    @Test
    void explainListsContributionsPerParameter() {
        Result r = run("explain", "--model", bundle.toString(), "--data", testXlsx.toString(),
                "--ids", "synthetic-00001,synthetic-00002");

        assertThat(r.status).as(r.err).isZero();
        assertThat(r.out).contains("== synthetic-00001").contains("== synthetic-00002")
                .contains(Parameter.LDH.label()).contains("decision:");
    }

    @Test
    void usageErrorsAreReported() {
        assertThat(run().status).isEqualTo(2);
        assertThat(run("fly").status).isEqualTo(2);
        assertThat(run("explain", "--model", bundle.toString(), "--data", testXlsx.toString(),
                "--ids", "nobody").status).isEqualTo(2);
        Result noModel = run("card");
        assertThat(noModel.status).isEqualTo(2);
        assertThat(noModel.err).contains("--model BUNDLE", "--default-model");
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        OutputStream out = new ByteArrayOutputStream();
        OutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(), err.toString());
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("case_id", "diagnosis"));
        header.addAll(CohortFiles.COLUMNS.keySet());
        return header;
    }

    private static List<String> cells(LabeledCase c) {
        List<String> cells = new ArrayList<>(List.of(c.caseId(), c.diagnosis().name()));
        for (Map.Entry<String, Parameter> column : CohortFiles.COLUMNS.entrySet()) {
            var v = c.values().get(column.getValue());
            cells.add(v.isPresent() ? String.format(Locale.ROOT, "%s", v.getAsDouble()) : "");
        }
        return cells;
    }

    private static void writeCsv(List<LabeledCase> cases, Path file) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", header())).append('\n');
        cases.forEach(c -> text.append(String.join(",", cells(c))).append('\n'));
        Files.writeString(file, text);
    }

    private static void writeXlsx(List<LabeledCase> cases, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("cohort");
            List<String> header = header();
            XSSFRow first = sheet.createRow(0);
            for (int j = 0; j < header.size(); j++) {
                first.createCell(j).setCellValue(header.get(j));
            }
            for (int i = 0; i < cases.size(); i++) {
                XSSFRow row = sheet.createRow(i + 1);
                List<String> cells = cells(cases.get(i));
                for (int j = 0; j < cells.size(); j++) {
                    if (j < 2) {
                        row.createCell(j).setCellValue(cells.get(j));
                    } else if (!cells.get(j).isEmpty()) {
                        row.createCell(j).setCellValue(Double.parseDouble(cells.get(j)));
                    }
                }
            }
            workbook.write(out);
        }
    }
}
