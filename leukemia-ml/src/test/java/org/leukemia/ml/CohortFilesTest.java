package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses invented values only; no real patient row is in the repository. */
class CohortFilesTest {

    private static final String HEADER = "case_id,diagnosis,age,WBC_G_L,MCV_fL,MCHC_g_L,"
            + "ANC_percent,ANC_G_L,Lymphocytes_percent,Lymphocytes_G_L,Monocytes_percent,"
            + "Monocytes_G_L,Platelets_G_L,PT_percent,Fibrinogen_g_L,LDH_UI_L\n";

    @TempDir
    Path dir;

    @Test
    void readsNormalisesAndKeepsMissingAndZero() throws IOException {
        Path file = dir.resolve("invented.csv");
        Files.writeString(file, HEADER
                + "x-1,AML,50,10,90,33.0,20,2,30,3,0,0,40,1.1,3,\n"
                + "x-2,APL,40,2,95,330,,,,,,,20,50,0.8,600\n");

        List<LabeledCase> cases = CohortFiles.readCsv(file);

        assertThat(cases).hasSize(2);
        LabeledCase first = cases.get(0);
        assertThat(first.caseId()).isEqualTo("x-1");
        assertThat(first.diagnosis()).isEqualTo(Subtype.AML);
        assertThat(first.values().get(Parameter.MCHC)).hasValue(330.0);
        assertThat(first.values().get(Parameter.MONOCYTES)).hasValue(0.0);
        assertThat(first.values().get(Parameter.PT_PERCENT)).isEmpty();
        assertThat(first.values().get(Parameter.LDH)).isEmpty();
        assertThat(cases.get(1).values().get(Parameter.NEUTROPHILS)).isEmpty();
    }

    @Test
    void realExportsAreBroughtToCanonicalUnits() throws IOException {
        Path folder = AipalData.folderOrSkip();
        List<LabeledCase> cases = new java.util.ArrayList<>();
        for (String centre : List.of("nantes", "grenoble", "train")) {
            cases.addAll(CohortFiles.readCsv(folder.resolve(centre + ".csv")));
        }

        assertThat(cases).hasSize(130 + 431 + 477);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.values().get(Parameter.MCHC).orElse(300)).isBetween(200.0, 420.0);
            assertThat(c.values().get(Parameter.PT_PERCENT).orElse(50)).isGreaterThan(5.0);
            assertThat(c.values().get(Parameter.LYMPHOCYTES_PERCENT).orElse(0))
                    .isLessThanOrEqualTo(100.0);
        });
    }

    @Test
    void rejectsMissingColumnAndUnknownDiagnosis() throws IOException {
        Path noLdh = dir.resolve("no-ldh.csv");
        Files.writeString(noLdh,
                HEADER.replace(",LDH_UI_L", "") + "x,ALL,1,1,1,1,1,1,1,1,1,1,1,1,1\n");
        Path badDiagnosis = dir.resolve("bad.csv");
        Files.writeString(badDiagnosis, HEADER + "x,CML,1,1,1,1,1,1,1,1,1,1,1,1,1,1\n");

        assertThatThrownBy(() -> CohortFiles.readCsv(noLdh)).hasMessageContaining("LDH_UI_L");
        assertThatThrownBy(() -> CohortFiles.readCsv(badDiagnosis))
                .hasMessageContaining("diagnosis");
    }
}
