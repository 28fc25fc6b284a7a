package org.leukemia.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.account.AccountStanding;

/**
 * Sign-in with the login form, kept in the HTTP session.
 *
 * <ul>
 *   <li>The form posts {@code j_username} and {@code j_password} to {@code /j_security_check};
 *       failure leads back to the login page with a message, success on to {@link SignedIn},
 *       which sends the user to the page first asked for.</li>
 *   <li>A page that needs sign-in redirects to the login page and remembers itself.</li>
 *   <li>The API never redirects: without sign-in it answers 401 with a JSON body.</li>
 *   <li>A request that brings the cookie of a session that has ended (it timed out, or was
 *       ended by {@link AccountStandingFilter}) is told so: the login page says the session
 *       ended, the API says so in its 401.</li>
 * </ul>
 * Credentials are checked by the identity store declared in {@link SecurityConfiguration};
 * the {@link AccountService} then counts the sign-in, and refuses it while the account is
 * locked after too many failures. The login page says only that sign-in failed, whether the
 * username is unknown, the password wrong or the account disabled or locked, so that it tells
 * nobody which accounts exist; the server log and the Users page tell the administrator.
 * Usernames are not case-sensitive, as the accounts are stored in lower case.
 */
@ApplicationScoped
@AutoApplySession
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = Answers.LOGIN_PAGE;
    static final String HOME_PAGE = "/";

    private static final String FORM_ACTION = SignedIn.PATH;
    private static final String PAGE_ASKED_FOR = SessionAuthenticationMechanism.class.getName()
            + ".pageAskedFor";
    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private AccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        SecurityHeaders.addTo(response);
        try {
            if (isSignInForm(request)) {
                return signIn(request, response, context);
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            boolean sessionEnded = request.getRequestedSessionId() != null
                    && !request.isRequestedSessionIdValid();
            if (Answers.isApi(request)) {
                Answers.apiError(response, HttpServletResponse.SC_UNAUTHORIZED, sessionEnded
                        ? "Your session ended; sign in again." : "Sign in first.");
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession().setAttribute(PAGE_ASKED_FOR, pageAskedFor(request));
            Answers.redirect(request, response, sessionEnded ? Answers.SESSION_ENDED
                    : LOGIN_PAGE);
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer the sign-in request", e);
        }
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (username == null || password == null) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(name, password));
        boolean valid = result.getStatus() == CredentialValidationResult.Status.VALID;
        Optional<AccountStanding> standing = accounts.concludeSignIn(name, valid);
        if (standing.isEmpty()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }

        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SessionCredentials.remember(request, standing.get());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The page to show after sign-in: the one first asked for, else the home page. Read once.
     */
    static String takePageAskedFor(HttpServletRequest request) {
        Object askedFor = request.getSession().getAttribute(PAGE_ASKED_FOR);
        request.getSession().removeAttribute(PAGE_ASKED_FOR);
        return askedFor instanceof String page ? page : request.getContextPath() + HOME_PAGE;
    }

    private static boolean isSignInForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().endsWith(FORM_ACTION);
    }

    private static String pageAskedFor(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod())
                ? request.getRequestURI() + (query == null ? "" : "?" + query)
                : request.getContextPath() + HOME_PAGE;
    }
}
