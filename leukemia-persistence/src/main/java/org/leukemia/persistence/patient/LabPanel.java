package org.leukemia.persistence.patient;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.upload.Upload;

/**
 * One set of lab results of a patient taken together, usually one row of an uploaded file.
 *
 * <p>Invariants: the panel belongs to exactly one patient; each parameter occurs at most once;
 * when the panel comes from an upload, that upload belongs to the patient's owner. The results
 * never change once stored: a corrected value is a new panel.
 */
@Entity
@Table(name = "lab_panel")
@Access(AccessType.FIELD)
public class LabPanel {

    @Id
    // ids reserved 500 at a time: an upload stores its rows in chunks of 500
    @TableGenerator(name = "lab_panel_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "lab_panel", allocationSize = 500)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "lab_panel_ids")
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id", nullable = false, updatable = false)
    private Patient patient;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "upload_id", updatable = false)
    private Upload upload;

    @Column(name = "source_row", updatable = false)
    private Integer sourceRow;

    @Column(name = "age_years", updatable = false)
    private Double ageYears;

    @Column(name = "received_at", nullable = false, updatable = false)
    private LocalDateTime receivedAt;

    @OneToMany(mappedBy = "panel", cascade = CascadeType.PERSIST)
    @OrderBy("parameter")
    private List<LabResult> results = new ArrayList<>();

    /** For JPA only. */
    protected LabPanel() {
    }

    /**
     * Creates a panel received now.
     *
     * @param patient whose blood was analysed
     * @param upload file the panel was read from, or null when entered otherwise
     * @param sourceRow row number in that file, or null
     * @param ageYears age of the patient when sampled, or null when not known
     * @param results the values; no parameter twice
     * @throws IllegalArgumentException when a parameter repeats, the age is negative, or the
     *         upload belongs to someone other than the patient's owner
     */
    public LabPanel(Patient patient, Upload upload, Integer sourceRow, Double ageYears,
            List<LabResult> results) {
        this.patient = Checks.required(patient, "patient");
        if (upload != null && !upload.getOwner().equals(patient.getOwner())) {
            throw new IllegalArgumentException("upload " + upload.getId()
                    + " does not belong to the owner of patient " + patient.getExternalId());
        }
        this.upload = upload;
        if (sourceRow != null) {
            Checks.notNegative(sourceRow, "sourceRow");
        }
        this.sourceRow = sourceRow;
        if (ageYears != null && !(ageYears >= 0.0 && ageYears < 200.0)) {
            throw new IllegalArgumentException("ageYears out of range: " + ageYears);
        }
        this.ageYears = ageYears;
        Checks.required(results, "results");
        Set<String> seen = new HashSet<>();
        for (LabResult result : results) {
            Checks.required(result, "result");
            if (!seen.add(result.getParameter())) {
                throw new IllegalArgumentException(
                        "parameter " + result.getParameter() + " occurs twice");
            }
        }
        this.results = new ArrayList<>(results);
        this.results.forEach(r -> r.attachTo(this));
        this.receivedAt = Timestamps.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public Patient getPatient() {
        return patient;
    }

    /** The file this panel was read from, or null. */
    public Upload getUpload() {
        return upload;
    }

    /** Row number in the uploaded file, or null. */
    public Integer getSourceRow() {
        return sourceRow;
    }

    /** Age in years when sampled, or null. */
    public Double getAgeYears() {
        return ageYears;
    }

    /** When the panel was stored (UTC). */
    public LocalDateTime getReceivedAt() {
        return receivedAt;
    }

    /** The results, unmodifiable; ordered by parameter once read from the database. */
    public List<LabResult> getResults() {
        return List.copyOf(results);
    }

    /** The result for {@code parameter} (lowercase key), if measured. */
    public Optional<LabResult> result(String parameter) {
        return results.stream().filter(r -> r.getParameter().equals(parameter)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof LabPanel that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return LabPanel.class.hashCode();
    }

    @Override
    public String toString() {
        return "LabPanel[id=" + id + ", results=" + results + "]";
    }
}
