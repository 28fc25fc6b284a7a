package org.leukemia.application.upload;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            "identifier", "patientidentifier", "id", "caseid", "ipp", "mrn", "dossier",
            "idpatient", "identifiant", "identifiantpatient", "npatient", "nopatient",
            "numeropatient", "numerodepatient", "ndossier", "numerodossier", "numerodedossier",
            "nip", "patientnumber", "medicalrecordnumber");
    private static final List<String> NAME_NAMES = List.of("name", "fullname", "patientname",
            "nameofpatient", "nom", "nomprenom", "nometprenom", "nompatient", "nomdupatient",
            "nomcomplet");
    private static final List<String> SEX_NAMES = List.of("sex", "sexe", "gender");
    private static final List<String> BIRTH_DATE_NAMES = List.of("dateofbirth", "birthdate",
            "dob", "datedenaissance", "ddn", "naissance", "birthday");
    private static final List<String> SAMPLE_DATE_NAMES = List.of("sampledate",
            "dateofsample", "collectiondate", "samplingdate", "specimendate",
            "dateprelevement", "datedeprelevement", "dateduprelevement", "prelevement", "date");

    /**
     * LOINC codes a laboratory system may put in the header instead of a name. Each names one
     * quantity in one kind of unit (counts, mass concentrations, activities), which is the
     * canonical one unless the header says otherwise.
     */
    private static final Map<String, Parameter> LOINC = Map.ofEntries(
            Map.entry("30525-0", Parameter.AGE),
            Map.entry("6690-2", Parameter.WBC),
            Map.entry("26464-8", Parameter.WBC),
            Map.entry("718-7", Parameter.HAEMOGLOBIN),
            Map.entry("789-8", Parameter.RBC),
            Map.entry("787-2", Parameter.MCV),
            Map.entry("786-4", Parameter.MCHC),
            Map.entry("777-3", Parameter.PLATELETS),
            Map.entry("26515-7", Parameter.PLATELETS),
            Map.entry("751-8", Parameter.NEUTROPHILS),
            Map.entry("770-8", Parameter.NEUTROPHILS_PERCENT),
            Map.entry("731-0", Parameter.LYMPHOCYTES),
            Map.entry("736-9", Parameter.LYMPHOCYTES_PERCENT),
            Map.entry("742-7", Parameter.MONOCYTES),
            Map.entry("5905-5", Parameter.MONOCYTES_PERCENT),
            Map.entry("5894-1", Parameter.PT_PERCENT),
            Map.entry("3255-7", Parameter.FIBRINOGEN),
            Map.entry("2532-0", Parameter.LDH),
            Map.entry("14804-9", Parameter.LDH));

    private static final Pattern LOINC_CODE = Pattern.compile("\\b(\\d{1,7}-\\d)\\b");
    private static final Pattern UNIT_IN_BRACKETS =
            Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]\\s*$");

    private static final Map<String, Parameter> ALIASES = Map.ofEntries(
            Map.entry("age", Parameter.AGE),
            Map.entry("wbc", Parameter.WBC),
            Map.entry("whitebloodcells", Parameter.WBC),
            Map.entry("leukocytes", Parameter.WBC),
            Map.entry("leucocytes", Parameter.WBC),
            Map.entry("gb", Parameter.WBC),
            Map.entry("globulesblancs", Parameter.WBC),
            Map.entry("haemoglobin", Parameter.HAEMOGLOBIN),
            Map.entry("hemoglobin", Parameter.HAEMOGLOBIN),
            Map.entry("hemoglobine", Parameter.HAEMOGLOBIN),
            Map.entry("hb", Parameter.HAEMOGLOBIN),
            Map.entry("hgb", Parameter.HAEMOGLOBIN),
            Map.entry("rbc", Parameter.RBC),
            Map.entry("redbloodcells", Parameter.RBC),
            Map.entry("hematies", Parameter.RBC),
            Map.entry("gr", Parameter.RBC),
            Map.entry("globulesrouges", Parameter.RBC),
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
        if (NAME_NAMES.contains(name)) {
            return Optional.of(Column.NAME);
        }
        if (SEX_NAMES.contains(name)) {
            return Optional.of(Column.SEX);
        }
        if (BIRTH_DATE_NAMES.contains(name)) {
            return Optional.of(Column.BIRTH_DATE);
        }
        if (SAMPLE_DATE_NAMES.contains(name)) {
            return Optional.of(Column.SAMPLE_DATE);
        }
        Matcher loinc = LOINC_CODE.matcher(folded);
        if (loinc.find() && LOINC.containsKey(loinc.group(1))) {
            return Optional.of(Column.of(LOINC.get(loinc.group(1))));
        }
        return Optional.ofNullable(NAMES.get(stripPercentWords(name)))
                .or(() -> Optional.ofNullable(NAMES.get(name)))
                .map(p -> percent ? PERCENT_OF.getOrDefault(p, p) : p)
                .map(Column::of);
    }

    /**
     * The unit a header declares, in brackets at its end: "MCHC (g/dL)" gives "g/dL",
     * "Leucocytes [G/L]" gives "G/L". A unit written as a suffix of a machine name
     * ("WBC_G_L") is the canonical one and gives nothing to convert.
     *
     * @param header the header as written
     * @return the unit text, or empty when the header states none
     */
    static Optional<String> unit(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = UNIT_IN_BRACKETS.matcher(header.trim());
        return m.find() ? Optional.of(m.group(1).trim()).filter(u -> !u.isEmpty())
                : Optional.empty();
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
