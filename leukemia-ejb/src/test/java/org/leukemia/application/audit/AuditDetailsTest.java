package org.leukemia.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditDetailsTest {

    @Test
    void aChangeKeepsOnlyTheFieldsThatDifferWithTheirValuesBeforeAndAfter() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("fullName", "Jean Dupont");
        before.put("sex", "MALE");
        before.put("birthDate", null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fullName", "Jean Dupond");
        after.put("sex", "MALE");
        after.put("birthDate", "1961-03-14");

        String json = AuditDetails.json(AuditDetails.changes(before, after));

        assertThat(json).isEqualTo("{\"before\":{\"fullName\":\"Jean Dupont\",\"birthDate\":null},"
                + "\"after\":{\"fullName\":\"Jean Dupond\",\"birthDate\":\"1961-03-14\"}}");
    }

    @Test
    void aChangeThatChangesNothingHasNoDetails() {
        assertThat(AuditDetails.changes(Map.of("sex", "MALE"), Map.of("sex", "MALE"))).isEmpty();
    }

    @Test
    void valuesKeepTheirJsonTypesAndTextIsEscaped() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", 1200L);
        details.put("intact", true);
        details.put("confidence", 0.25);
        details.put("file", "labs \"March\".xlsx");

        assertThat(AuditDetails.json(details)).isEqualTo("{\"rows\":1200,\"intact\":true,"
                + "\"confidence\":0.25,\"file\":\"labs \\\"March\\\".xlsx\"}");
    }

    @Test
    void collectionsAreArraysOfTheirValues() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("patients", List.of(36495L, 12L));
        details.put("labels", List.of("a", "b"));

        assertThat(AuditDetails.json(details))
                .isEqualTo("{\"patients\":[36495,12],\"labels\":[\"a\",\"b\"]}");
    }
}
