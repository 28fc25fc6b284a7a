package org.leukemia.persistence.upload;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.leukemia.persistence.Checks;

/**
 * The original bytes of an {@link Upload}, exactly as received. Kept apart from the upload
 * record so that listing uploads never loads files. Its SHA-256 is the upload's.
 */
@Entity
@Table(name = "upload_file")
@Access(AccessType.FIELD)
public class UploadFile {

    @Id
    @Column(name = "upload_id")
    private Long uploadId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "upload_id")
    private Upload upload;

    @Lob
    @Basic(fetch = FetchType.LAZY, optional = false)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    /** For JPA only. */
    protected UploadFile() {
    }

    /**
     * Keeps the content of an upload.
     *
     * @param upload the upload the bytes were received with
     * @param content the bytes as received; copied
     */
    public UploadFile(Upload upload, byte[] content) {
        this.upload = Checks.required(upload, "upload");
        this.content = Checks.required(content, "content").clone();
    }

    public Upload getUpload() {
        return upload;
    }

    /** The bytes as received (a copy). */
    public byte[] getContent() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof UploadFile that && uploadId != null
                && uploadId.equals(that.uploadId);
    }

    @Override
    public int hashCode() {
        return UploadFile.class.hashCode();
    }
}
