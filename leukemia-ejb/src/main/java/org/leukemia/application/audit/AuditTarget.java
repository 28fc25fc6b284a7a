package org.leukemia.application.audit;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record the audit trail names. */
public enum AuditTarget {
    /** A patient, with their panels, predictions, notes and diagnosis. */
    PATIENT("patient"),
    /** A user account. */
    USER("user"),
    /** An uploaded file and what was stored from it. */
    UPLOAD("upload"),
    /** A doctor's saved reading of a laboratory's columns, applied to its later files. */
    MAPPING("column-mapping"),
    /** A model version. */
    MODEL("model"),
    /** A report or chart exported as a file. */
    REPORT("report"),
    /** The audit trail itself. */
    AUDIT_TRAIL("audit-trail");

    private final String key;

    AuditTarget(String key) {
        this.key = key;
    }

    /** @return the name stored with the entry */
    public String key() {
        return key;
    }

    /**
     * The target of a stored name.
     *
     * @param key a name such as {@code "patient"}
     * @return the target, or empty when no target has that name
     */
    public static Optional<AuditTarget> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
