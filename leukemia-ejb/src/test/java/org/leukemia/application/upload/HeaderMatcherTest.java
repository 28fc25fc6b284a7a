package org.leukemia.application.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leukemia.ml.Parameter;

class HeaderMatcherTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "WBC (10^9/L)            | WBC",
        "Leucocytes              | WBC",
        "White blood cells       | WBC",
        "WBC_G_L                 | WBC",
        "Neutrophils (%)         | NEUTROPHILS_PERCENT",
        "Neutrophils (10^9/L)    | NEUTROPHILS",
        "ANC_percent             | NEUTROPHILS_PERCENT",
        "ANC_G_L                 | NEUTROPHILS",
        "PNN                     | NEUTROPHILS",
        "Monocytes_percent       | MONOCYTES_PERCENT",
        "VGM                     | MCV",
        "CCMH (g/dL)             | MCHC",
        "MCHC_g_L                | MCHC",
        "TP (%)                  | PT_PERCENT",
        "PT_percent              | PT_PERCENT",
        "Fibrinogène             | FIBRINOGEN",
        "LDH_UI_L                | LDH",
        "Lactate dehydrogenase   | LDH",
        "Plaquettes              | PLATELETS",
        "Hémoglobine             | HAEMOGLOBIN",
        "age                     | AGE",
    })
    void recognisesParameterHeaders(String header, Parameter expected) {
        assertThat(HeaderMatcher.match(header)).contains(Column.of(expected));
    }

    @Test
    void aColumnNamesItsUnitOnce() {
        assertThat(Column.of(Parameter.NEUTROPHILS_PERCENT).label()).isEqualTo("Neutrophils (%)");
        assertThat(Column.of(Parameter.WBC).label()).endsWith("(10^9/L)")
                .doesNotContain("(10^9/L) (10^9/L)");
    }

    @Test
    void recognisesThePatientsName() {
        for (String header : List.of("Name", "Nom", "Patient name", "Nom, prénom",
                "Nom du patient", "Full name")) {
            assertThat(HeaderMatcher.match(header)).as(header).contains(Column.NAME);
        }
        assertThat(HeaderMatcher.match("Patient")).contains(Column.IDENTIFIER);
    }

    @Test
    void recognisesTheIdentifierAndSex() {
        assertThat(HeaderMatcher.match("Patient ID")).contains(Column.IDENTIFIER);
        assertThat(HeaderMatcher.match("case_id")).contains(Column.IDENTIFIER);
        assertThat(HeaderMatcher.match("Sexe")).contains(Column.SEX);
        assertThat(HeaderMatcher.match("N° patient")).contains(Column.IDENTIFIER);
        assertThat(HeaderMatcher.match("Identifiant patient")).contains(Column.IDENTIFIER);
        assertThat(HeaderMatcher.match("Numéro de dossier")).contains(Column.IDENTIFIER);
    }

    @Test
    void recognisesLoincCodesAndDates() {
        assertThat(HeaderMatcher.match("6690-2")).contains(Column.of(Parameter.WBC));
        assertThat(HeaderMatcher.match("LOINC 786-4 (g/dL)")).contains(Column.of(Parameter.MCHC));
        assertThat(HeaderMatcher.match("770-8")).contains(
                Column.of(Parameter.NEUTROPHILS_PERCENT));
        assertThat(HeaderMatcher.match("Date de naissance")).contains(Column.BIRTH_DATE);
        assertThat(HeaderMatcher.match("DOB")).contains(Column.BIRTH_DATE);
        assertThat(HeaderMatcher.match("Date du prélèvement")).contains(Column.SAMPLE_DATE);
        assertThat(HeaderMatcher.match("Sample date")).contains(Column.SAMPLE_DATE);
    }

    @Test
    void readsTheUnitAHeaderDeclares() {
        assertThat(HeaderMatcher.unit("MCHC (g/dL)")).contains("g/dL");
        assertThat(HeaderMatcher.unit("Leucocytes [G/L]")).contains("G/L");
        assertThat(HeaderMatcher.unit("WBC_G_L")).isEmpty();
        assertThat(HeaderMatcher.unit("LDH")).isEmpty();
        assertThat(HeaderMatcher.unit("Age ()")).isEmpty();
    }

    @Test
    void ignoresWhatItDoesNotKnow() {
        assertThat(HeaderMatcher.match("diagnosis")).isEmpty();
        assertThat(HeaderMatcher.match("")).isEmpty();
        assertThat(HeaderMatcher.match(null)).isEqualTo(Optional.empty());
    }

    @Test
    void everyTemplateHeaderIsRecognisedAsItsParameter() {
        for (Parameter p : Parameter.values()) {
            assertThat(HeaderMatcher.match(TemplateWorkbook.header(p)))
                    .as(TemplateWorkbook.header(p)).contains(Column.of(p));
        }
    }
}
