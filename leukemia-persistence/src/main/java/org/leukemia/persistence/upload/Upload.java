package org.leukemia.persistence.upload;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.leukemia.persistence.Checks;
import org.leukemia.persistence.Timestamps;
import org.leukemia.persistence.user.UserAccount;

/**
 * A workbook uploaded by a user, with what became of its rows.
 *
 * <p>The file itself is kept apart, as an {@link UploadFile}; its SHA-256 identifies it, and an
 * owner has at most one upload per SHA-256 (a repeated file is recognised). An upload starts
 * with zero counts; {@link #recordOutcome} sets the counts and the issues once the rows have
 * been read. Invariant: {@code rowsStored + rowsRejected <= rowsRead}.
 */
@Entity
@Table(name = "upload")
@Access(AccessType.FIELD)
public class Upload {

    /** Longest file name kept. */
    public static final int MAX_FILE_NAME = 255;

    /** Longest text kept of the ignored headers, joined by line breaks. */
    public static final int MAX_IGNORED_COLUMNS = 2000;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Id
    @TableGenerator(name = "upload_ids", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "upload", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "upload_ids")
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private UserAccount owner;

    @Column(name = "file_name", nullable = false, updatable = false, length = MAX_FILE_NAME)
    private String fileName;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private LocalDateTime uploadedAt;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_stored", nullable = false)
    private int rowsStored;

    @Column(name = "rows_rejected", nullable = false)
    private int rowsRejected;

    @Column(name = "ignored_columns", length = MAX_IGNORED_COLUMNS)
    private String ignoredColumns;

    @ElementCollection
    @CollectionTable(name = "upload_row_issue", joinColumns = @JoinColumn(name = "upload_id"))
    @OrderColumn(name = "issue_no")
    private List<RowIssue> issues = new ArrayList<>();

    /** For JPA only. */
    protected Upload() {
    }

    /**
     * Creates an upload received now, with no outcome yet.
     *
     * @param owner who uploaded the file
     * @param fileName name of the file as sent by the browser; cut to 255 characters
     * @param sha256 SHA-256 of the content as 64 hexadecimal digits (either case)
     * @param sizeBytes size of the content
     */
    public Upload(UserAccount owner, String fileName, String sha256, long sizeBytes) {
        this.owner = Checks.required(owner, "owner");
        this.fileName = Checks.truncate(Checks.text(fileName, "fileName", Integer.MAX_VALUE),
                MAX_FILE_NAME);
        String hash = Checks.required(sha256, "sha256").toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits: " + sha256);
        }
        this.sha256 = hash;
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative: " + sizeBytes);
        }
        this.sizeBytes = sizeBytes;
        this.uploadedAt = Timestamps.nowUtc();
    }

    /**
     * Records what became of the rows, replacing any earlier outcome.
     *
     * @throws IllegalArgumentException when a count is negative or more rows were stored or
     *         rejected than read
     */
    public void recordOutcome(int rowsRead, int rowsStored, int rowsRejected,
            List<RowIssue> issues) {
        Checks.required(issues, "issues").forEach(issue -> Checks.required(issue, "issue"));
        recordCounts(rowsRead, rowsStored, rowsRejected);
        this.issues.clear();
        this.issues.addAll(issues);
    }

    /**
     * Records how many rows were read, stored and rejected, leaving the issues as they are
     * stored (for issues written by {@link org.leukemia.persistence.BatchWriter}).
     *
     * @throws IllegalArgumentException when a count is negative or more rows were stored or
     *         rejected than read
     */
    public void recordCounts(int rowsRead, int rowsStored, int rowsRejected) {
        Checks.notNegative(rowsRead, "rowsRead");
        Checks.notNegative(rowsStored, "rowsStored");
        Checks.notNegative(rowsRejected, "rowsRejected");
        if ((long) rowsStored + rowsRejected > rowsRead) {
            throw new IllegalArgumentException("stored (" + rowsStored + ") + rejected ("
                    + rowsRejected + ") exceeds read (" + rowsRead + ")");
        }
        this.rowsRead = rowsRead;
        this.rowsStored = rowsStored;
        this.rowsRejected = rowsRejected;
    }

    /**
     * Records the headers of the file that named nothing the product reads.
     *
     * @param headers the header texts, in file order; the list is cut to 2000 characters
     */
    public void recordIgnoredColumns(List<String> headers) {
        String joined = String.join("\n", Checks.required(headers, "headers"));
        this.ignoredColumns = joined.isEmpty() ? null
                : Checks.truncate(joined, MAX_IGNORED_COLUMNS);
    }

    /** The headers of the file that named nothing the product reads, in file order. */
    public List<String> getIgnoredColumns() {
        return ignoredColumns == null ? List.of() : List.of(ignoredColumns.split("\n"));
    }

    public Long getId() {
        return id;
    }

    public UserAccount getOwner() {
        return owner;
    }

    public String getFileName() {
        return fileName;
    }

    /** SHA-256 of the content, 64 lowercase hexadecimal digits. */
    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    /** When the file was received (UTC). */
    public LocalDateTime getUploadedAt() {
        return uploadedAt;
    }

    public int getRowsRead() {
        return rowsRead;
    }

    public int getRowsStored() {
        return rowsStored;
    }

    public int getRowsRejected() {
        return rowsRejected;
    }

    /** The issues in the order recorded, unmodifiable. */
    public List<RowIssue> getIssues() {
        return List.copyOf(issues);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof Upload that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Upload.class.hashCode();
    }

    @Override
    public String toString() {
        return "Upload[id=" + id + ", fileName=" + fileName + ", rowsRead=" + rowsRead + "]";
    }
}
