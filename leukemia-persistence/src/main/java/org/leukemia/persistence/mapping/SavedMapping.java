package org.leukemia.persistence.mapping;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.user.UserAccount;

/**
 * How a doctor told the product to read the columns of one laboratory's exports: for each
 * header, the target it holds (a parameter key, "identifier", ..., or nothing) and the unit.
 *
 * <p>Stored as text, one line per header, fields separated by tabs; tabs and line breaks in a
 * header become spaces. An owner has one mapping per laboratory name; saving again replaces it.
 */
@Entity
@Table(name = "column_mapping")
@Access(AccessType.FIELD)
public class SavedMapping {

    /** Longest laboratory name kept. */
    public static final int MAX_LABORATORY = 100;

    /**
     * One header's entry.
     *
     * @param header the header as the file writes it
     * @param target what the column holds, as the caller names it; empty: not read
     * @param unit the unit of its values; empty: the unit the header declares, if any
     */
    public record Entry(String header, String target, String unit) {

        /** Replaces nulls by empty texts and tabs or line breaks by spaces. */
        public Entry {
            header = clean(header);
            target = clean(target);
            unit = clean(unit);
        }

        private static String clean(String s) {
            return s == null ? "" : s.replaceAll("[\\t\\r\\n]", " ").trim();
        }
    }

    @Id
    @TableGenerator(name = "column_mapping_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "column_mapping", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "column_mapping_ids")
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private UserAccount owner;

    @Column(name = "laboratory", nullable = false, updatable = false, length = MAX_LABORATORY)
    private String laboratory;

    @Column(name = "saved_at", nullable = false)
    private LocalDateTime savedAt;

    @Lob
    @Column(name = "mapping", nullable = false)
    private String mapping;

    /** For JPA only. */
    protected SavedMapping() {
    }

    /**
     * A mapping saved now.
     *
     * @param owner the doctor who confirmed it
     * @param laboratory the laboratory's name, as the doctor gave it
     * @param entries one entry per header of the file, in file order
     */
    public SavedMapping(UserAccount owner, String laboratory, List<Entry> entries) {
        this.owner = Checks.required(owner, "owner");
        this.laboratory = Checks.text(laboratory, "laboratory", MAX_LABORATORY);
        replace(entries);
    }

    /**
     * Replaces the entries, as a doctor saving the mapping again.
     *
     * @param entries one entry per header, in file order
     */
    public void replace(List<Entry> entries) {
        StringBuilder text = new StringBuilder();
        for (Entry e : Checks.required(entries, "entries")) {
            text.append(e.header()).append('\t').append(e.target()).append('\t')
                    .append(e.unit()).append('\n');
        }
        this.mapping = text.toString();
        this.savedAt = Timestamps.nowUtc();
    }

    /** @return the entries, in file order */
    public List<Entry> getEntries() {
        List<Entry> entries = new ArrayList<>();
        for (String line : mapping.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t", -1);
                entries.add(new Entry(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : ""));
            }
        }
        return entries;
    }

    /** @return the entries by header (the first, should a header occur twice) */
    public Map<String, Entry> byHeader() {
        Map<String, Entry> map = new LinkedHashMap<>();
        getEntries().forEach(e -> map.putIfAbsent(e.header(), e));
        return map;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getOwner() {
        return owner;
    }

    public String getLaboratory() {
        return laboratory;
    }

    public LocalDateTime getSavedAt() {
        return savedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SavedMapping that && id != null
                && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return SavedMapping.class.hashCode();
    }
}
