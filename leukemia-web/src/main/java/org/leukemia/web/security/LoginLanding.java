package org.leukemia.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a sign-in lands when the user opened the login page directly: the authentication
 * mechanism has already checked the credentials, so this only sends the user on to the page
 * that fits their role.
 */
@WebServlet("/j_security_check")
public class LoginLanding extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String target = request.isUserInRole("ADMIN") && !request.isUserInRole("DOCTOR")
                ? "/app/admin/users.xhtml" : "/app/dashboard.xhtml";
        response.sendRedirect(request.getContextPath()
                + (request.getUserPrincipal() == null ? "/login.xhtml?failed=true" : target));
    }
}
