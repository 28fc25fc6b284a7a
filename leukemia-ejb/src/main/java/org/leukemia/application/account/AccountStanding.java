package org.leukemia.application.account;

import java.util.Set;
import org.leukemia.persistence.user.Role;

/**
 * What a signed-in session may still do, checked at each request: an account disabled or
 * deleted since sign-in ends the session, and a temporary password must be replaced first.
 *
 * @param active whether the account exists and is enabled
 * @param passwordChangeRequired whether the user must choose a new password first
 * @param roles the roles the account holds now
 */
public record AccountStanding(boolean active, boolean passwordChangeRequired, Set<Role> roles) {

    /** The standing of an account that no longer exists or is disabled. */
    public static final AccountStanding ENDED = new AccountStanding(false, false, Set.of());
}
