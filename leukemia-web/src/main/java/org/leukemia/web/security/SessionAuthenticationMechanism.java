package org.leukemia.web.security;

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
import java.util.logging.Logger;

/**
 * Sign-in with the login form, kept in the HTTP session.
 *
 * <ul>
 *   <li>The form posts {@code j_username} and {@code j_password} to {@code /j_security_check};
 *       failure leads back to the login page with a message, success on to {@link SignedIn},
 *       which sends the user to the page first asked for.</li>
 *   <li>A page that needs sign-in redirects to the login page and remembers itself.</li>
 *   <li>The API never redirects: without sign-in it answers 401 with a JSON body.</li>
 * </ul>
 * Credentials are checked by the identity store declared in {@link SecurityConfiguration}.
 * Usernames are not case-sensitive, as the accounts are stored in lower case.
 */
@ApplicationScoped
@AutoApplySession
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String HOME_PAGE = "/";

    private static final String FORM_ACTION = SignedIn.PATH;
    private static final String PAGE_ASKED_FOR = SessionAuthenticationMechanism.class.getName()
            + ".pageAskedFor";
    private static final Logger LOG =
            Logger.getLogger(SessionAuthenticationMechanism.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request,
            HttpServletResponse response, HttpMessageContext context) {
        try {
            if (isSignInForm(request)) {
                return signIn(request, response, context);
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            if (isApi(request)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"Sign in first.\"}");
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.getSession().setAttribute(PAGE_ASKED_FOR, pageAskedFor(request));
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
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
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(username.trim().toLowerCase(Locale.ROOT),
                        password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.info("A sign-in failed");
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?failed=true");
        }

        LOG.info(() -> "User " + result.getCallerPrincipal().getName() + " signed in");
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
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

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static String pageAskedFor(HttpServletRequest request) {
        String query = request.getQueryString();
        return "GET".equals(request.getMethod())
                ? request.getRequestURI() + (query == null ? "" : "?" + query)
                : request.getContextPath() + HOME_PAGE;
    }
}
