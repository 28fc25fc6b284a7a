package org.leukemia.web.security;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;
import org.leukemia.persistence.audit.AuditAction;

/** Signs the user out, ends the session, and records it in the audit trail. */
@WebServlet("/logout")
public class Logout extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Principal user = request.getUserPrincipal();
        if (user != null) {
            audit.recordAs(user.getName(), AuditAction.SIGN_OUT, AuditTarget.USER,
                    user.getName(), Map.of());
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml");
    }
}
