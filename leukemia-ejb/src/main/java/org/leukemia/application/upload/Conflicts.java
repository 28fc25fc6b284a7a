package org.leukemia.application.upload;

import java.sql.SQLException;

/**
 * Recognises a service call that failed because another request stored a conflicting row at
 * the same moment (the same file uploaded twice at once, say): the database refused the
 * second one on a unique constraint, and its whole transaction was rolled back.
 */
public final class Conflicts {

    /** The message for the doctor: what happened, and that nothing of theirs is half-stored. */
    public static final String MESSAGE = "Another request stored the same thing at the same"
            + " moment (the same file sent twice at once?), so nothing of this one was stored."
            + " Look at your patients, and send it again if it is missing.";

    private Conflicts() {
    }

    /**
     * @param failure what a service call threw
     * @return whether its cause is a unique-constraint or concurrent-update refusal of the
     *     database
     */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("90131"))) {
                return true;
            }
        }
        return false;
    }
}
