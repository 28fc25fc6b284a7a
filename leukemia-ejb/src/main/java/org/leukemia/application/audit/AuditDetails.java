package org.leukemia.application.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The details of an audit entry, written as JSON in the order the fields were given: maps as
 * objects, collections as arrays, numbers and booleans as such, anything else as text.
 */
final class AuditDetails {

    private AuditDetails() {
    }

    static String json(Map<String, ?> details) {
        return object(details).build().toString();
    }

    /**
     * The fields of {@code after} whose values differ from those in {@code before}, as
     * {@code {"before": {...}, "after": {...}}}; empty when nothing differs.
     */
    static Map<String, Object> changes(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                was.put(field, old);
                now.put(field, value);
            }
        });
        if (now.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("before", was);
        changes.put("after", now);
        return changes;
    }

    private static JsonObjectBuilder object(Map<?, ?> fields) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields.forEach((name, value) -> json.add(String.valueOf(name), value(value)));
        return json;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> nested) {
            return object(nested).build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        }
        return Json.createValue(value.toString());
    }
}
