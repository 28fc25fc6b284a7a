package org.leukemia.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leukemia.persistence.prediction.InvalidCriteriaException;
import org.leukemia.persistence.prediction.PredictionCriteria;
import org.leukemia.persistence.prediction.PredictionSort;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The patient table's filters and sort, as PrimeFaces hands them over, read as criteria. */
class DashboardViewTest {

    @Test
    void everyColumnFilterBecomesItsCriterion() {
        PredictionCriteria criteria = DashboardView.criteria(filters(
                "patient", " H12 ", "subtype", "apl", "confidence", "80-95 %",
                "predictedAt", List.of(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)),
                "modelVersion", "2", "upload", "#17", "diagnosis", "no"));

        assertThat(criteria).isEqualTo(PredictionCriteria.builder().text("H12").subtype("APL")
                .confidence(0.80, 0.95).predictedBetween(LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 3, 31)).modelVersion(2).upload(17L)
                .diagnosed(false).build());
    }

    @Test
    void emptyFiltersSelectEverythingAndOpenRangesHaveOneBound() {
        assertThat(DashboardView.criteria(filters("patient", "", "subtype", null,
                "predictedAt", List.of()))).isEqualTo(PredictionCriteria.NONE);
        assertThat(DashboardView.criteria(filters("confidence", "-50")))
                .isEqualTo(PredictionCriteria.builder().confidence(null, 0.5).build());
        assertThat(DashboardView.criteria(filters("confidence", "97,5-")))
                .isEqualTo(PredictionCriteria.builder().confidence(0.975, null).build());
        assertThat(DashboardView.criteria(filters("predictedAt", LocalDate.of(2025, 1, 2))))
                .isEqualTo(PredictionCriteria.builder().predictedBetween(
                        LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2)).build());
    }

    @Test
    void aFilterThatCannotBeReadOrMetSaysWhy() {
        assertThatThrownBy(() -> DashboardView.criteria(filters("confidence", "high")))
                .isInstanceOf(InvalidCriteriaException.class).hasMessageContaining("80-95");
        assertThatThrownBy(() -> DashboardView.criteria(filters("confidence", "95-80")))
                .isInstanceOf(InvalidCriteriaException.class)
                .hasMessageContaining("is above the highest");
        assertThatThrownBy(() -> DashboardView.criteria(filters("modelVersion", "two")))
                .isInstanceOf(InvalidCriteriaException.class).hasMessageContaining("number");
        assertThatThrownBy(() -> DashboardView.criteria(filters("subtype", "CML")))
                .isInstanceOf(InvalidCriteriaException.class)
                .hasMessageContaining("ALL, AML or APL");
        assertThatThrownBy(() -> DashboardView.criteria(filters("ward", "B2")))
                .as("a filter the list does not know is no filter to ignore")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSortNamesItsColumnAndDirectionAndNoneIsNewestFirst() {
        assertThat(DashboardView.sort(Map.of())).isEqualTo(PredictionSort.NEWEST_FIRST);
        assertThat(DashboardView.sort(Map.of("confidence", SortMeta.builder()
                .field("confidence").order(SortOrder.ASCENDING).build())))
                .isEqualTo(new PredictionSort(PredictionSort.Column.CONFIDENCE, true));
        assertThat(DashboardView.sort(Map.of("patient", SortMeta.builder()
                .field("patient").order(SortOrder.DESCENDING).build())))
                .isEqualTo(new PredictionSort(PredictionSort.Column.PATIENT, false));
        assertThatThrownBy(() -> DashboardView.sort(Map.of("ward", SortMeta.builder()
                .field("ward").order(SortOrder.ASCENDING).build())))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, FilterMeta> filters(Object... fieldsAndValues) {
        Map<String, FilterMeta> filters = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String field = (String) fieldsAndValues[i];
            filters.put(field, FilterMeta.builder().field(field)
                    .filterValue(fieldsAndValues[i + 1]).build());
        }
        return filters;
    }
}
