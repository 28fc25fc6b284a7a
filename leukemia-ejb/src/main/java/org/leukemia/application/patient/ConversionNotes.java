package org.leukemia.application.patient;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.leukemia.ml.Parameter;

/**
 * Finds, in the notes stored with a prediction, those about each parameter: every note of a
 * conversion, a censored value, a value set aside or derived begins with the parameter's name
 * ("Mean corpuscular haemoglobin concentration 34 read as g/dL; ..."), and the notes are
 * stored as one text, sentence after sentence.
 */
final class ConversionNotes {

    /** A sentence ends with a full stop followed by a space and a capital letter. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.) (?=\\p{Lu})");

    /** The names, longest first, so that "Neutrophils (%)" wins over "Neutrophils". */
    private static final List<Parameter> BY_LABEL_LENGTH = Arrays.stream(Parameter.values())
            .sorted(Comparator.comparingInt((Parameter p) -> p.label().length()).reversed())
            .toList();

    private ConversionNotes() {
    }

    /**
     * @param notes the stored notes, or null
     * @return the sentences about each parameter, by its key, in the order written
     */
    static Map<String, String> byParameter(String notes) {
        Map<String, String> found = new LinkedHashMap<>();
        if (notes == null || notes.isBlank()) {
            return found;
        }
        for (String sentence : SENTENCE_END.split(notes.strip())) {
            subject(sentence).ifPresent(p -> found.merge(p.key(), sentence,
                    (a, b) -> a + " " + b));
        }
        return found;
    }

    private static Optional<Parameter> subject(String sentence) {
        return BY_LABEL_LENGTH.stream()
                .filter(p -> sentence.startsWith(p.label() + " "))
                .findFirst();
    }
}
