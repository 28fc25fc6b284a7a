package org.leukemia.application.upload;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import org.leukemia.persistence.mapping.SavedMapping;

/**
 * One of a doctor's saved column mappings, as the upload page and the API list it.
 *
 * @param id the mapping's id, to delete it by
 * @param laboratory the laboratory name it was saved under
 * @param savedAt when it was last saved (UTC)
 * @param columns how each header is read: "header -> target (unit)", or "header -> ignored"
 */
public record SavedMappingSummary(long id, String laboratory, LocalDateTime savedAt,
        List<String> columns) implements Serializable {

    /** @return how each header is read, on one line */
    public String columnsText() {
        return String.join("; ", columns);
    }

    /** @return the summary of a stored mapping */
    static SavedMappingSummary of(SavedMapping mapping) {
        return new SavedMappingSummary(mapping.getId(), mapping.getLaboratory(),
                mapping.getSavedAt(), columns(mapping));
    }

    /** @return how each header of the mapping is read, in the mapping's order */
    static List<String> columns(SavedMapping mapping) {
        return mapping.getEntries().stream()
                .map(e -> e.header() + " -> " + (e.target().isEmpty() ? "ignored" : e.target())
                        + (e.unit().isEmpty() ? "" : " (" + e.unit() + ")"))
                .toList();
    }
}
