package org.leukemia.application.audit;

import java.io.Serializable;
import java.time.LocalDateTime;
import org.leukemia.persistence.audit.AuditEvent;

/**
 * One entry of the audit trail as an auditor reads it.
 *
 * @param seq the entry's number, 1 for the first
 * @param occurredAt when it happened (UTC)
 * @param actor who did it (a username, or "anonymous")
 * @param action what was done, such as VIEW or EXPORT
 * @param targetType the kind of record, such as "patient", or null
 * @param targetId the record's id, or null
 * @param details the details as JSON, or null
 * @param entryHash the entry's hash, chained to the one before
 */
public record AuditEntry(long seq, LocalDateTime occurredAt, String actor, String action,
        String targetType, String targetId, String details, String entryHash)
        implements Serializable {

    /** @return the entry as read from the trail */
    public static AuditEntry of(AuditEvent event) {
        return new AuditEntry(event.getSeq(), event.getOccurredAt(), event.getActor(),
                event.getAction(), event.getTargetType(), event.getTargetId(),
                event.getDetails(), event.getEntryHash());
    }
}
