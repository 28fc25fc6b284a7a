package org.leukemia.application.audit;

/**
 * Which audit entries to show; a null or blank field matches anything.
 *
 * @param targetType the kind of record, as stored ({@link AuditTarget#key()})
 * @param targetId the record's id; used only with a target type
 * @param actor a username
 */
public record AuditFilter(String targetType, String targetId, String actor) {

    /** Every entry. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    /** Blank fields become null, and a target id without a target type is dropped. */
    public AuditFilter {
        targetType = blankToNull(targetType);
        targetId = targetType == null ? null : blankToNull(targetId);
        actor = blankToNull(actor);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
