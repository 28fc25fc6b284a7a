package org.leukemia.web.pages;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leukemia.application.analytics.SubtypeCounts;

/**
 * The Chart.js configurations of the analytics charts, as the JSON that PrimeFaces'
 * {@code p:chart} takes as its value: one data set per subtype, in the subtypes' colours.
 */
final class ChartConfig {

    private static final Map<String, String> COLOURS = Map.of("ALL", "#1f5fa8",
            "AML", "#a8321f", "APL", "#7a1fa8");

    private ChartConfig() {
    }

    /**
     * A bar chart of counts per subtype over some categories.
     *
     * @param title the chart's title
     * @param categories the labels along the x axis
     * @param counts the counts of each category, in the order of the labels
     * @param stacked whether the subtypes' bars stand on each other
     * @param <T> the category's type
     */
    static <T> String bars(String title, List<T> categories, Function<T, String> label,
            Function<T, SubtypeCounts> counts, boolean stacked) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        categories.forEach(c -> labels.add(label.apply(c)));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (String subtype : SubtypeCounts.SUBTYPES) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            categories.forEach(c -> data.add(counts.apply(c).of(subtype)));
            datasets.add(Json.createObjectBuilder().add("label", subtype).add("data", data)
                    .add("backgroundColor", COLOURS.get(subtype)));
        }
        JsonObjectBuilder axis = Json.createObjectBuilder().add("stacked", stacked);
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", datasets))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        // drawn at once: a chart caught growing would show wrong heights
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("title",
                                Json.createObjectBuilder().add("display", true)
                                        .add("text", title)))
                        .add("scales", Json.createObjectBuilder()
                                .add("x", axis)
                                .add("y", Json.createObjectBuilder().add("stacked", stacked)
                                        .add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder()
                                                .add("precision", 0)))))
                .build().toString();
    }

    /** A bar per subtype, in its colour. */
    static String distribution(String title, SubtypeCounts counts) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (String subtype : SubtypeCounts.SUBTYPES) {
            labels.add(subtype);
            data.add(counts.of(subtype));
            colours.add(COLOURS.get(subtype));
        }
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", "Patients").add("data", data)
                                .add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder()
                        .add("responsive", true)
                        // drawn at once: a chart caught growing would show wrong heights
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("display", false))
                                .add("title", Json.createObjectBuilder().add("display", true)
                                        .add("text", title)))
                        .add("scales", Json.createObjectBuilder().add("y",
                                Json.createObjectBuilder().add("beginAtZero", true)
                                        .add("ticks", Json.createObjectBuilder()
                                                .add("precision", 0)))))
                .build().toString();
    }
}
