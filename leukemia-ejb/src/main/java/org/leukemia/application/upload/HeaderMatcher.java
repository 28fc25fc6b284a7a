package org.leukemia.application.upload;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leukemia.ml.Parameter;

/**
 * Recognises a column from its header, in English or French, abbreviated or not, with or
 * without a unit: "WBC (10^9/L)", "Leucocytes", "Neutrophils (%)", "ANC_percent".
 *
 * <p>A header that names a white-cell type and a percent unit means the percentage, otherwise
 * the count.
 */
final class HeaderMatcher {

    private static final List<String> IDENTIFIER_NAMES = List.of("patientid", "patient",
            "identifier", "patientidentifier", "id", "caseid", "ipp", "mrn", "dossier");
    private static final List<String> SEX_NAMES = List.of("sex", "sexe", "gender");

    private static final Map<String, Parameter> ALIASES = Map.ofEntries(
            Map.entry("age", Parameter.AGE),
            Map.entry("wbc", Parameter.WBC),
            Map.entry("whitebloodcells", Parameter.WBC),
            Map.entry("leukocytes", Parameter.WBC),
            Map.entry("leucocytes", Parameter.WBC),
            Map.entry("gb", Parameter.WBC),
            Map.entry("haemoglobin", Parameter.HAEMOGLOBIN),
            Map.entry("hemoglobin", Parameter.HAEMOGLOBIN),
            Map.entry("hemoglobine", Parameter.HAEMOGLOBIN),
            Map.entry("hb", Parameter.HAEMOGLOBIN),
            Map.entry("hgb", Parameter.HAEMOGLOBIN),
            Map.entry("rbc", Parameter.RBC),
            Map.entry("redbloodcells", Parameter.RBC),
            Map.entry("hematies", Parameter.RBC),
            Map.entry("gr", Parameter.RBC),
            Map.entry("mcv", Parameter.MCV),
            Map.entry("vgm", Parameter.MCV),
            Map.entry("mchc", Parameter.MCHC),
            Map.entry("ccmh", Parameter.MCHC),
            Map.entry("platelets", Parameter.PLATELETS),
            Map.entry("plt", Parameter.PLATELETS),
            Map.entry("plaquettes", Parameter.PLATELETS),
            Map.entry("neutrophils", Parameter.NEUTROPHILS),
            Map.entry("anc", Parameter.NEUTROPHILS),
            Map.entry("pnn", Parameter.NEUTROPHILS),
            Map.entry("lymphocytes", Parameter.LYMPHOCYTES),
            Map.entry("lymph", Parameter.LYMPHOCYTES),
            Map.entry("monocytes", Parameter.MONOCYTES),
            Map.entry("mono", Parameter.MONOCYTES),
            Map.entry("pt", Parameter.PT_PERCENT),
            Map.entry("tp", Parameter.PT_PERCENT),
            Map.entry("prothrombin", Parameter.PT_PERCENT),
            Map.entry("prothrombintime", Parameter.PT_PERCENT),
            Map.entry("tauxdeprothrombine", Parameter.PT_PERCENT),
            Map.entry("fibrinogen", Parameter.FIBRINOGEN),
            Map.entry("fibrinogene", Parameter.FIBRINOGEN),
            Map.entry("fib", Parameter.FIBRINOGEN),
            Map.entry("ldh", Parameter.LDH),
            Map.entry("lactatedehydrogenase", Parameter.LDH),
            Map.entry("meancorpuscularvolume", Parameter.MCV),
            Map.entry("meancorpuscularhaemoglobinconcentration", Parameter.MCHC),
            Map.entry("meancorpuscularhemoglobinconcentration", Parameter.MCHC));

    /** The aliases, plus every parameter's own key and label, as folded names. */
    private static final Map<String, Parameter> NAMES = names();

    private static final Map<Parameter, Parameter> PERCENT_OF = Map.of(
            Parameter.NEUTROPHILS, Parameter.NEUTROPHILS_PERCENT,
            Parameter.LYMPHOCYTES, Parameter.LYMPHOCYTES_PERCENT,
            Parameter.MONOCYTES, Parameter.MONOCYTES_PERCENT);

    private HeaderMatcher() {
    }

    private static Map<String, Parameter> names() {
        Map<String, Parameter> names = new HashMap<>(ALIASES);
        for (Parameter p : Parameter.values()) {
            names.putIfAbsent(baseName(fold(p.label())), p);
            names.putIfAbsent(baseName(fold(p.key())), p);
        }
        return Map.copyOf(names);
    }

    /** The column a header names, if it names one this product reads. */
    static Optional<Column> match(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(header);
        boolean percent = folded.contains("%") || folded.contains("percent")
                || folded.contains("pct");
        String name = baseName(folded);

        if (IDENTIFIER_NAMES.contains(name)) {
            return Optional.of(Column.IDENTIFIER);
        }
        if (SEX_NAMES.contains(name)) {
            return Optional.of(Column.SEX);
        }
        return Optional.ofNullable(NAMES.get(stripPercentWords(name)))
                .or(() -> Optional.ofNullable(NAMES.get(name)))
                .map(p -> percent ? PERCENT_OF.getOrDefault(p, p) : p)
                .map(Column::of);
    }

    /** The name without its unit: "wbc_g_l" and "wbc (10^9/l)" both give "wbc". */
    private static String baseName(String folded) {
        return folded.replaceAll("\\(.*?\\)|\\[.*?]", " ")
                .replaceAll("_(g_l|gl|fl|ui_l|u_l|percent|pct|years)$", "")
                .replaceAll("[^a-z]", "");
    }

    private static String stripPercentWords(String name) {
        return name.replaceAll("(percent|pct)$", "");
    }

    private static String fold(String header) {
        String decomposed = Normalizer.normalize(header.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
