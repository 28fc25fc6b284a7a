package org.leukemia.application.account;

import java.util.Set;
import org.leukemia.persistence.user.Role;

/**
 * What a signed-in session may still do, checked at each request: an account disabled or
 * deleted since sign-in ends the session, as does a password changed or reset since, and a
 * temporary password must be replaced first.
 *
 * @param active whether the account exists and is enabled
 * @param passwordChangeRequired whether the user must choose a new password first
 * @param roles the roles the account holds now
 * @param credentialsVersion changes whenever the password is changed or reset and whenever the
 *     account is disabled: a session opened under another value no longer holds
 */
public record AccountStanding(boolean active, boolean passwordChangeRequired, Set<Role> roles,
        int credentialsVersion) {

    /** The standing of an account that no longer exists or is disabled. */
    public static final AccountStanding ENDED = new AccountStanding(false, false, Set.of(), -1);

    /** Whether a session opened under {@code versionAtSignIn} may go on. */
    public boolean admits(int versionAtSignIn) {
        return active && credentialsVersion == versionAtSignIn;
    }
}
