package org.leukemia.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.logging.Logger;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.AccountStanding;
import org.leukemia.persistence.user.Role;

/**
 * Checks at every request of a signed-in session that the account still stands as it did at
 * sign-in: the session keeps the roles it was given then, so an account disabled since, whose
 * roles an administrator changed, or whose password was changed or reset (in another session,
 * or by an administrator), has its session ended here (sign in again; the API answers 401),
 * before any page or service sees the request. A disabled account enabled again does not
 * bring its old sessions back. An account whose password an
 * administrator reset may only change it: pages lead to the password page, and the API answers
 * 403 until it is done.
 */
@WebFilter(urlPatterns = "/*")
public class AccountStandingFilter extends HttpFilter {

    /** The page where users change their own password. */
    static final String PASSWORD_PAGE = "/app/password.xhtml";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AccountStandingFilter.class.getName());

    /** What a user who must change their password may still reach. */
    private static final Set<String> BEFORE_PASSWORD_CHANGE = Set.of(PASSWORD_PAGE, "/logout",
            "/api/account", "/api/account/password", Answers.LOGIN_PAGE, SignedIn.PATH);

    @EJB
    private transient AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller == null || isStaticResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        AccountStanding standing = accounts.standing(caller.getName());

        if (!SessionCredentials.stillHold(request, standing)
                || !sameRoles(request, standing.roles())) {
            LOG.info(() -> "The session of user " + caller.getName() + " ended: "
                    + whyEnded(request, standing));
            endSession(request, response);
            return;
        }
        if (standing.passwordChangeRequired() && !BEFORE_PASSWORD_CHANGE.contains(
                request.getRequestURI().substring(request.getContextPath().length()))) {
            askForNewPassword(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String whyEnded(HttpServletRequest request, AccountStanding standing) {
        if (!standing.active()) {
            return "the account is disabled";
        }
        return SessionCredentials.stillHold(request, standing) ? "the account has other roles now"
                : "the password was changed or reset, or the account disabled, since sign-in";
    }

    private static boolean sameRoles(HttpServletRequest request, Set<Role> roles) {
        for (Role role : Role.values()) {
            if (request.isUserInRole(role.name()) != roles.contains(role)) {
                return false;
            }
        }
        return true;
    }

    private static void endSession(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (Answers.isApi(request)) {
            Answers.apiError(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "Your session ended; sign in again.");
        } else {
            Answers.redirect(request, response, Answers.SESSION_ENDED);
        }
    }

    private static void askForNewPassword(HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (Answers.isApi(request)) {
            Answers.apiError(response, HttpServletResponse.SC_FORBIDDEN, "Your password is a"
                    + " temporary one: choose a new one first (POST " + request.getContextPath()
                    + "/api/account/password with currentPassword and newPassword, or the"
                    + " page Change password).");
        } else {
            Answers.redirect(request, response, PASSWORD_PAGE);
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath()
                + "/jakarta.faces.resource/");
    }
}
