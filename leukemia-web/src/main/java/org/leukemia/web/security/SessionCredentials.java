package org.leukemia.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.leukemia.application.account.AccountStanding;

/**
 * The credentials a session was opened with, kept in the session as the account's credentials
 * version: once a password is changed or reset, or the account disabled, sessions opened
 * before no longer hold, even after the account has been enabled again.
 */
public final class SessionCredentials {

    private static final String ATTRIBUTE = SessionCredentials.class.getName() + ".version";

    private SessionCredentials() {
    }

    /**
     * Binds the caller's session to the account's current credentials: at sign-in, and after
     * users change their own password in this session.
     */
    public static void remember(HttpServletRequest request, AccountStanding standing) {
        request.getSession().setAttribute(ATTRIBUTE, standing.credentialsVersion());
    }

    /** Whether the caller's session was opened with credentials that still hold. */
    static boolean stillHold(HttpServletRequest request, AccountStanding standing) {
        HttpSession session = request.getSession(false);
        Object version = session == null ? null : session.getAttribute(ATTRIBUTE);
        return version instanceof Integer opened && standing.admits(opened);
    }
}
