package org.leukemia.application.prediction;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leukemia.ml.Parameter;
import org.leukemia.ml.Subtype;

/**
 * How much each parameter pushed a prediction toward each subtype, stored as JSON beside the
 * prediction: {@code {"fibrinogen": {"ALL": -0.2, "AML": -0.4, "APL": 1.3}, ...}}, in the
 * log-odds units the model works in.
 */
public final class Contributions {

    private Contributions() {
    }

    /** @return the JSON text, or {@code null} when the model gave no contributions */
    public static String toJson(Map<Parameter, Map<Subtype, Double>> contributions) {
        if (contributions == null || contributions.isEmpty()) {
            return null;
        }
        JsonObjectBuilder all = Json.createObjectBuilder();
        contributions.forEach((parameter, bySubtype) -> {
            JsonObjectBuilder one = Json.createObjectBuilder();
            bySubtype.forEach((subtype, value) -> one.add(subtype.name(), value));
            all.add(parameter.key(), one);
        });
        return all.build().toString();
    }

    /**
     * Reads stored contributions, strongest first: the parameters whose largest push toward
     * any subtype is biggest come first.
     *
     * @param json the stored JSON, or {@code null}
     * @param measured the keys of the parameters that were measured; the others were missing,
     *     and their lines say how the model treated a missing value
     * @return one line per parameter, empty when nothing was stored
     */
    public static List<Line> read(String json, Set<String> measured) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonObject all;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            all = reader.readObject();
        }
        List<Line> lines = new ArrayList<>();
        all.forEach((key, value) -> {
            JsonObject bySubtype = value.asJsonObject();
            lines.add(new Line(Parameter.fromKey(key).map(Parameter::label).orElse(key),
                    measured.contains(key), number(bySubtype, Subtype.ALL),
                    number(bySubtype, Subtype.AML), number(bySubtype, Subtype.APL)));
        });
        lines.sort(Comparator.comparingDouble(Line::strength).reversed());
        return lines;
    }

    private static double number(JsonObject bySubtype, Subtype subtype) {
        JsonValue value = bySubtype.get(subtype.name());
        return value instanceof JsonNumber n ? n.doubleValue() : 0.0;
    }

    /**
     * One parameter's push toward each subtype; positive means toward, negative away from.
     *
     * @param parameter the parameter's name for people
     * @param measured whether the value was measured; if not, the line is the effect of its
     *     absence
     * @param all contribution to ALL
     * @param aml contribution to AML
     * @param apl contribution to APL
     */
    public record Line(String parameter, boolean measured, double all, double aml, double apl) {

        /** @return the largest push, toward or away from any subtype */
        public double strength() {
            return Math.max(Math.abs(all), Math.max(Math.abs(aml), Math.abs(apl)));
        }
    }
}
