package org.leukemia.persistence.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Objects;
import org.leukemia.persistence.Timestamps;

/**
 * Appends to the audit trail and checks it. Callers provide the transaction: an entry is
 * written in the transaction of what it records, so that it commits, or rolls back, with it.
 *
 * <p>Appending locks the chain's head until the transaction ends, so a long transaction should
 * append last.
 */
@ApplicationScoped
public class AuditLog {

    /** Entries read per query while verifying. */
    static final int VERIFY_PAGE = 1_000;

    @PersistenceContext(unitName = "leukemia")
    EntityManager em;

    /** For CDI only. */
    protected AuditLog() {
    }

    /** For use outside a container, with an entity manager the caller manages. */
    public AuditLog(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /**
     * Appends an entry.
     *
     * @param actor who did it: a username, or a name such as "anonymous"
     * @param action what was done
     * @param targetType the kind of record, such as "patient", or null
     * @param targetId the record's id, or null
     * @param details JSON with the details (for a change: before and after), or null
     * @return the entry written
     */
    public AuditEvent append(String actor, AuditAction action, String targetType,
            String targetId, String details) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The audit trail has no head row: the schema"
                    + " migrations have not run");
        }

        AuditEvent entry = new AuditEvent(head.lastSeq() + 1, Timestamps.nowUtc(), actor, action,
                targetType, targetId, details, head.lastHash());
        em.persist(entry);
        head.advanceTo(entry);
        return entry;
    }

    /**
     * Reads the whole chain in order and checks each entry against its hash and the one
     * before it, and the last against the head.
     */
    public ChainVerification verify() {
        String previous = AuditEvent.GENESIS_HASH;
        long expectedSeq = 1;
        long checked = 0;
        List<AuditEvent> page;
        do {
            page = em.createQuery("select e from AuditEvent e where e.seq >= :from"
                            + " order by e.seq", AuditEvent.class)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(VERIFY_PAGE)
                    .getResultList();
            for (AuditEvent entry : page) {
                checked++;
                if (entry.getSeq() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "Entry " + expectedSeq
                            + " is missing: the next entry is " + entry.getSeq() + ".", previous);
                }
                if (!entry.getPreviousHash().equals(previous)) {
                    return ChainVerification.broken(checked, entry.getSeq(), "Entry "
                            + entry.getSeq() + " does not follow the entry before it: an entry"
                            + " was removed, inserted or changed there.", previous);
                }
                if (!entry.computeHash().equals(entry.getEntryHash())) {
                    return ChainVerification.broken(checked, entry.getSeq(), "Entry "
                            + entry.getSeq() + " was changed after it was written: its content"
                            + " no longer matches its hash.", previous);
                }
                previous = entry.getEntryHash();
                expectedSeq++;
            }
            em.clear();
        } while (page.size() == VERIFY_PAGE);

        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
            return ChainVerification.broken(checked, expectedSeq, "The chain ends at entry "
                    + (expectedSeq - 1) + " but the last entry written was " + head.lastSeq()
                    + ": entries were removed from its end.", previous);
        }
        return ChainVerification.intact(checked, previous);
    }

    /**
     * Entries newest first, optionally only those about one record or by one actor.
     *
     * @param targetType kind of record, or null for any
     * @param targetId id of the record, or null for any (needs a target type)
     * @param actor username, or null for any
     * @param first index of the first entry to return
     * @param max most entries to return
     */
    public List<AuditEvent> find(String targetType, String targetId, String actor, int first,
            int max) {
        return where("select e from AuditEvent e", targetType, targetId, actor,
                " order by e.seq desc", AuditEvent.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** How many entries {@link #find} would return without paging. */
    public long count(String targetType, String targetId, String actor) {
        return where("select count(e) from AuditEvent e", targetType, targetId, actor, "",
                Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> where(String select, String targetType, String targetId,
            String actor, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" where 1 = 1");
        if (targetType != null) {
            jpql.append(" and e.targetType = :targetType");
        }
        if (targetId != null) {
            jpql.append(" and e.targetId = :targetId");
        }
        if (actor != null) {
            jpql.append(" and e.actor = :actor");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        if (targetType != null) {
            query.setParameter("targetType", targetType);
        }
        if (targetId != null) {
            query.setParameter("targetId", targetId);
        }
        if (actor != null) {
            query.setParameter("actor", actor);
        }
        return query;
    }
}
