package org.leukemia.persistence.audit;

/** What an audit entry records. */
public enum AuditAction {
    /** A user signed in. */
    SIGN_IN,
    /** A sign-in was refused. */
    SIGN_IN_FAILED,
    /** An account was locked after repeated failed sign-ins. */
    ACCOUNT_LOCKED,
    /** A user signed out. */
    SIGN_OUT,
    /** A record was opened. */
    VIEW,
    /** A record was created. */
    CREATE,
    /** A record was changed; the details hold the values before and after. */
    CHANGE,
    /** A record was removed (softly: the data stay). */
    REMOVE,
    /** A file was uploaded and its rows stored. */
    UPLOAD,
    /** Data left the application as a file: a report or an export. */
    EXPORT,
    /** The audit trail itself was verified. */
    VERIFY,
    /**
     * A request was refused: a record the caller may not see, an action their role does not
     * allow, or a file not taken. The details say what was asked for and why it was refused.
     */
    REFUSED
}
