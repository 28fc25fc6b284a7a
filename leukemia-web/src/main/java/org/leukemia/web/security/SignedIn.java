package org.leukemia.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a successful sign-in lands: the authentication mechanism has checked the credentials
 * and started the session; this sends the user on to the page they first asked for.
 */
@WebServlet(SignedIn.PATH)
public class SignedIn extends HttpServlet {

    static final String PATH = "/j_security_check";

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath()
                    + SessionAuthenticationMechanism.LOGIN_PAGE);
            return;
        }
        response.sendRedirect(SessionAuthenticationMechanism.takePageAskedFor(request));
    }
}
