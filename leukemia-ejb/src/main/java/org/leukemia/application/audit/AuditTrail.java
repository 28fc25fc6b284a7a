package org.leukemia.application.audit;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.leukemia.application.account.Roles;
import org.leukemia.persistence.audit.AuditAction;
import org.leukemia.persistence.audit.AuditEvent;
import org.leukemia.persistence.audit.AuditLog;
import org.leukemia.persistence.audit.ChainVerification;

/**
 * The audit trail: who did what to which record, and when.
 *
 * <p>The services call it for every sign-in, every view of a patient, every change and
 * removal, and every upload. An entry joins the transaction of what it records, so a change
 * rolled back leaves no entry, and an entry cannot be lost while its change is kept. Appending
 * locks the end of the chain until the transaction ends: in a long transaction, such as an
 * upload, record last. Never pass a password or a hash in the details.
 */
@Stateless
public class AuditTrail {

    /** The actor of entries recorded while nobody is signed in. */
    public static final String ANONYMOUS = "anonymous";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    private AuditLog log;

    @Inject
    private SecurityContext security;

    /**
     * Records an action of the signed-in caller.
     *
     * @param action what was done
     * @param target the kind of record, or null
     * @param targetId its id, or null
     * @param details what else an auditor needs to know (values are written as text, numbers,
     *     booleans, objects or arrays), or an empty map
     */
    @PermitAll
    public void record(AuditAction action, AuditTarget target, Object targetId,
            Map<String, ?> details) {
        recordAs(caller(), action, target, targetId, details);
    }

    /**
     * Records an action of someone who is not (yet) the caller, such as a sign-in attempt.
     *
     * @param actor the username given, or {@link #ANONYMOUS}
     * @see #record
     */
    @PermitAll
    public void recordAs(String actor, AuditAction action, AuditTarget target, Object targetId,
            Map<String, ?> details) {
        String id = targetId == null ? null : targetId.toString();
        AuditEvent entry = log.append(actor == null || actor.isBlank() ? ANONYMOUS : actor,
                action, target == null ? null : target.key(), id,
                details == null || details.isEmpty() ? null : AuditDetails.json(details));
        LOG.fine(() -> "Audit entry " + entry.getSeq() + ": " + entry.getAction() + " "
                + entry.getTargetType() + " " + entry.getTargetId());
    }

    /**
     * Records a change of the caller's: the fields whose values differ, each with its value
     * before and after. A change that changed nothing is not recorded.
     *
     * @param before the fields as they were
     * @param after the same fields as they are now
     */
    @PermitAll
    public void recordChange(AuditTarget target, Object targetId, Map<String, ?> before,
            Map<String, ?> after) {
        Map<String, Object> changes = AuditDetails.changes(before, after);
        if (changes.isEmpty()) {
            return;
        }
        record(AuditAction.CHANGE, target, targetId, changes);
    }

    /**
     * Records a request of the caller's that was refused. The entry is written in a
     * transaction of its own, so that it stays when the refused work is rolled back. Call it
     * before the caller's transaction records anything: the entry would wait for the lock
     * that transaction holds on the end of the chain.
     *
     * @param target the kind of record asked for, or null
     * @param targetId its id, or null
     * @param asked what the caller asked for, in words or as method and path
     * @param reason why it was refused
     * @param more other details an auditor needs (never patient values), or an empty map
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(AuditTarget target, Object targetId, String asked, String reason,
            Map<String, ?> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("asked", asked);
        details.put("reason", reason);
        details.putAll(more);
        String actor = caller();
        LOG.info(() -> "Refused " + actor + ": " + asked + (targetId == null ? ""
                : " (" + (target == null ? "" : target.key() + " ") + targetId + ")") + ", "
                + reason);
        recordAs(actor, AuditAction.REFUSED, target, targetId, details);
    }

    /**
     * Checks the whole chain, and records that it was checked.
     *
     * @return where the chain breaks, if it does
     */
    @RolesAllowed(Roles.AUDITOR)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ChainVerification verify() {
        ChainVerification result = log.verify();

        if (!result.intact()) {
            LOG.severe(() -> "The audit trail is broken at entry " + result.brokenAt() + ": "
                    + result.problem());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("entries", result.entriesChecked());
        details.put("intact", result.intact());
        if (!result.intact()) {
            details.put("brokenAt", result.brokenAt());
        }
        record(AuditAction.VERIFY, AuditTarget.AUDIT_TRAIL, null, details);
        return result;
    }

    /**
     * Entries newest first, for the auditor's page.
     *
     * @param filter which entries; its empty fields match anything
     * @param first index of the first entry
     * @param max most entries to return, at most 500
     */
    @RolesAllowed(Roles.AUDITOR)
    public List<AuditEvent> entries(AuditFilter filter, int first, int max) {
        return log.find(filter.targetType(), filter.targetId(), filter.actor(), Math.max(0, first),
                Math.max(0, Math.min(max, 500)));
    }

    /** How many entries {@link #entries} pages through. */
    @RolesAllowed(Roles.AUDITOR)
    public long count(AuditFilter filter) {
        return log.count(filter.targetType(), filter.targetId(), filter.actor());
    }

    private String caller() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? ANONYMOUS : principal.getName();
    }
}
