package org.leukemia.persistence.audit;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the number and hash of the last entry. There is one row; each
 * writer locks it, so entries are numbered in the order their transactions commit.
 */
@Entity
@Table(name = "audit_head")
@Access(AccessType.FIELD)
class AuditHead {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    /** For JPA only. */
    protected AuditHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advanceTo(AuditEvent entry) {
        lastSeq = entry.getSeq();
        lastHash = entry.getEntryHash();
    }
}
