package org.leukemia.persistence.audit;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.leukemia.persistence.Checks;

/**
 * One entry of the audit trail: who did what to which record, when, with the details of the
 * change.
 *
 * <p>Entries are numbered 1, 2, 3 ... in the order they were written. Each carries the hash of
 * the entry before it and its own hash, a SHA-256 over its number, time, actor, action, target,
 * details and the previous hash; so an entry changed, removed or slipped in afterwards no
 * longer matches the chain. Entries are never changed: the entity has no setters and every
 * column is read-only to JPA.
 */
@Entity
@Table(name = "audit_event")
@Access(AccessType.FIELD)
public class AuditEvent {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
    /** Longest actor name kept. */
    public static final int MAX_ACTOR = 64;
    /** Longest target type kept. */
    public static final int MAX_TARGET_TYPE = 32;
    /** Longest target id kept. */
    public static final int MAX_TARGET_ID = 128;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @Id
    @Column(name = "seq", updatable = false)
    private long seq;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private LocalDateTime occurredAt;

    @Column(name = "actor", nullable = false, updatable = false, length = MAX_ACTOR)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false, length = 32)
    private String action;

    @Column(name = "target_type", updatable = false, length = MAX_TARGET_TYPE)
    private String targetType;

    @Column(name = "target_id", updatable = false, length = MAX_TARGET_ID)
    private String targetId;

    @Lob
    @Column(name = "details", updatable = false)
    private String details;

    @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
    private String entryHash;

    /** For JPA only. */
    protected AuditEvent() {
    }

    AuditEvent(long seq, LocalDateTime occurredAt, String actor, AuditAction action,
            String targetType, String targetId, String details, String previousHash) {
        this.seq = seq;
        this.occurredAt = Checks.required(occurredAt, "occurredAt");
        this.actor = Checks.truncate(Checks.text(actor, "actor", Integer.MAX_VALUE), MAX_ACTOR);
        this.action = Checks.required(action, "action").name();
        this.targetType = Checks.maxLength(targetType, "targetType", MAX_TARGET_TYPE);
        this.targetId = Checks.truncate(targetId, MAX_TARGET_ID);
        this.details = details;
        this.previousHash = Checks.required(previousHash, "previousHash");
        this.entryHash = computeHash();
    }

    /**
     * The hash this entry should carry, computed from its content and its previous hash. Each
     * field enters with its length, so that no two different entries read the same.
     */
    public String computeHash() {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {Long.toString(seq), TIME.format(occurredAt), actor,
                action, targetType, targetId, details, previousHash}) {
            text.append(field == null ? "-" : field.length() + ":" + field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The entry's number: 1 for the first, then without gaps. */
    public long getSeq() {
        return seq;
    }

    /** When it happened (UTC). */
    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    /** The username of who did it, or a name such as "anonymous" when nobody was signed in. */
    public String getActor() {
        return actor;
    }

    /** What was done, as stored; see {@link AuditAction}. */
    public String getAction() {
        return action;
    }

    /** The kind of record it was done to, such as "patient", or null. */
    public String getTargetType() {
        return targetType;
    }

    /** The id of that record, or null. */
    public String getTargetId() {
        return targetId;
    }

    /** The details as JSON (for a change: the values before and after), or null. */
    public String getDetails() {
        return details;
    }

    public String getPreviousHash() {
        return previousHash;
    }

    public String getEntryHash() {
        return entryHash;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AuditEvent that && seq == that.seq
                && entryHash.equals(that.entryHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq);
    }

    @Override
    public String toString() {
        return "AuditEvent[" + seq + " " + action + " " + targetType + " " + targetId + "]";
    }
}
