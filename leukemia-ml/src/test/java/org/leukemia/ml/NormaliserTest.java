package org.leukemia.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    private final Normaliser normaliser = new Normaliser();

    @Test
    void canonicalValuesPassUnchangedWithoutNotes() {
        Map<Parameter, Double> raw = new EnumMap<>(Parameter.class);
        raw.put(Parameter.MCHC, 334.0);
        raw.put(Parameter.PT_PERCENT, 72.0);
        raw.put(Parameter.MONOCYTES, 0.0);

        NormalisedValues result = normaliser.normalise(raw);

        assertThat(result.values().asMap()).isEqualTo(raw);
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void mchcInGramsPerDecilitreIsConvertedWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(Parameter.MCHC, 34.4));

        assertThat(result.values().get(Parameter.MCHC).getAsDouble()).isEqualTo(344.0);
        assertThat(result.notes()).singleElement().asString().contains("g/dL").contains("344");
    }

    @Test
    void countsPerMicrolitreAndFibrinogenInMilligramsAreConvertedWithNotes() {
        NormalisedValues result = normaliser.normalise(Map.of(
                Parameter.WBC, 12_500.0, Parameter.PLATELETS, 150_000.0,
                Parameter.FIBRINOGEN, 310.0, Parameter.MONOCYTES, 800.0));

        assertThat(result.values().get(Parameter.WBC)).hasValue(12.5);
        assertThat(result.values().get(Parameter.PLATELETS)).hasValue(150.0);
        assertThat(result.values().get(Parameter.FIBRINOGEN)).hasValue(3.1);
        assertThat(result.values().get(Parameter.MONOCYTES)).hasValue(800.0);
        assertThat(result.notes()).anyMatch(n -> n.contains("12500 read as per µL"))
                .anyMatch(n -> n.contains("150000 read as per µL"))
                .anyMatch(n -> n.contains("310 read as mg/dL"));
    }

    @Test
    void aValueFarBeyondAnyMeasurementIsNotedInPowersOfTenNotInHundredsOfDigits() {
        NormalisedValues result = normaliser.normalise(Map.of(Parameter.LDH, 1e308,
                Parameter.PLATELETS, Double.POSITIVE_INFINITY, Parameter.FIBRINOGEN, 2e-12));

        assertThat(result.values().asMap()).doesNotContainKeys(Parameter.LDH,
                Parameter.PLATELETS);
        assertThat(result.notes()).anyMatch(n -> n.startsWith("Lactate dehydrogenase 1.000e+308"))
                .contains("Platelets is a number too large to read; treated as missing.")
                .allSatisfy(n -> assertThat(n).hasSizeLessThan(200));
        assertThat(Normaliser.format(2e-12)).isEqualTo("2.000e-12");
        assertThat(Normaliser.format(12_500.0)).isEqualTo("12500");
    }

    @Test
    void valuesNoHumanCanHaveBecomeMissingButAMeasuredZeroStaysWherePossible() {
        NormalisedValues result = normaliser.normalise(Map.of(
                Parameter.WBC, 0.0, Parameter.MCV, 0.0, Parameter.MCHC, 0.0,
                Parameter.LDH, 0.0, Parameter.AGE, 150.0,
                Parameter.MONOCYTES, 0.0, Parameter.PLATELETS, 0.0, Parameter.FIBRINOGEN, 0.0));

        assertThat(result.values().asMap()).containsOnlyKeys(
                Parameter.MONOCYTES, Parameter.PLATELETS, Parameter.FIBRINOGEN);
        assertThat(result.values().get(Parameter.MONOCYTES)).hasValue(0.0);
        assertThat(result.notes()).hasSize(5)
                .allMatch(n -> n.contains("outside what a human being can have"));
    }

    @Test
    void theRealCohortsNeedNoneOfTheseConversions() throws Exception {
        Path folder = AipalData.folderOrSkip();
        List<String> notes = new ArrayList<>();
        for (String cohort : List.of("lyon", "clermont", "nantes", "grenoble")) {
            try (Reader reader = Files.newBufferedReader(folder.resolve(cohort + ".csv"))) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader()
                        .setSkipHeaderRecord(true).get().parse(reader)) {
                    Map<Parameter, Double> raw = new EnumMap<>(Parameter.class);
                    CohortFiles.COLUMNS.forEach((column, p) -> {
                        if (!row.get(column).isEmpty()) {
                            raw.put(p, Double.valueOf(row.get(column)));
                        }
                    });
                    notes.addAll(normaliser.normalise(raw).notes());
                }
            }
        }

        assertThat(notes).noneMatch(n -> n.contains("per µL") || n.contains("mg/dL")
                || n.contains("outside what a human being can have"));
    }

    @Test
    void haemoglobinInGramsPerDecilitreIsConvertedWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(Parameter.HAEMOGLOBIN, 8.5));

        assertThat(result.values().get(Parameter.HAEMOGLOBIN).getAsDouble()).isEqualTo(85.0);
        assertThat(result.notes()).hasSize(1);
    }

    @Test
    void prothrombinRatioBecomesMissingWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(Parameter.PT_PERCENT, 1.28));

        assertThat(result.values().get(Parameter.PT_PERCENT)).isEmpty();
        assertThat(result.notes()).singleElement().asString().contains("ratio");
    }

    @Test
    void negativeAndNonFiniteValuesBecomeMissingWithNotes() {
        Map<Parameter, Double> raw = new HashMap<>();
        raw.put(Parameter.LDH, -3.0);
        raw.put(Parameter.FIBRINOGEN, Double.NaN);
        raw.put(Parameter.AGE, null);

        NormalisedValues result = normaliser.normalise(raw);

        assertThat(result.values().asMap()).isEmpty();
        assertThat(result.notes()).hasSize(2);
    }

    @Test
    void percentageAboveHundredBecomesMissingWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(
                Parameter.LYMPHOCYTES_PERCENT, 150.0, Parameter.LYMPHOCYTES, 3.0));

        assertThat(result.values().get(Parameter.LYMPHOCYTES).getAsDouble()).isEqualTo(3.0);
        assertThat(result.values().get(Parameter.LYMPHOCYTES_PERCENT)).isEmpty();
        assertThat(result.notes()).singleElement().asString().contains("100");
    }

    @Test
    void percentageIsDerivedFromCountAndWbcWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(
                Parameter.WBC, 20.0, Parameter.MONOCYTES, 3.0));

        assertThat(result.values().get(Parameter.MONOCYTES_PERCENT).getAsDouble())
                .isEqualTo(15.0);
        assertThat(result.derivations()).singleElement().asString().contains("derived");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void countIsDerivedFromPercentageAndWbcWithNote() {
        NormalisedValues result = normaliser.normalise(Map.of(
                Parameter.WBC, 20.0, Parameter.NEUTROPHILS_PERCENT, 0.0));

        assertThat(result.values().get(Parameter.NEUTROPHILS).getAsDouble()).isEqualTo(0.0);
        assertThat(result.derivations()).singleElement().asString().contains("derived");
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void nothingIsDerivedWithoutWbc() {
        NormalisedValues result = normaliser.normalise(Map.of(Parameter.MONOCYTES, 3.0));

        assertThat(result.values().asMap()).containsOnlyKeys(Parameter.MONOCYTES);
        assertThat(result.notes()).isEmpty();
    }
}
