package org.leukemia.application.account;

import java.time.LocalDateTime;
import java.util.Set;
import org.leukemia.persistence.user.Role;

/**
 * An account as the administrator sees it; never its password hash.
 *
 * @param username the login name
 * @param displayName the name shown on pages
 * @param roles the roles granted
 * @param enabled whether the account may sign in at all
 * @param lockedUntil until when failed sign-ins keep it locked (UTC), or {@code null} if it is
 *     not locked now
 * @param failedSignIns consecutive failed sign-ins since the last success or unlock
 * @param passwordChangeRequired whether the user must replace a temporary password
 * @param lastSignInAt the last successful sign-in (UTC), or {@code null} if never
 */
public record AccountSummary(String username, String displayName, Set<Role> roles,
        boolean enabled, LocalDateTime lockedUntil, int failedSignIns,
        boolean passwordChangeRequired, LocalDateTime lastSignInAt) {

    /** @return whether failed sign-ins keep the account locked now */
    public boolean locked() {
        return lockedUntil != null;
    }
}
