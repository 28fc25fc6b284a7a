package org.leukemia.application.account;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed}. They equal the names of
 * {@link org.leukemia.persistence.user.Role}, which is what the identity store returns as groups.
 */
public final class Roles {

    /** Uploads workbooks and works with the patients assigned to them. */
    public static final String DOCTOR = "DOCTOR";
    /** Manages user accounts. */
    public static final String ADMIN = "ADMIN";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "AUDITOR";

    private Roles() {
    }
}
