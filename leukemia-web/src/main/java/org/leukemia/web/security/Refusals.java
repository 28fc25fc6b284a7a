package org.leukemia.web.security;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leukemia.application.audit.AuditTarget;
import org.leukemia.application.audit.AuditTrail;

/**
 * Records in the audit trail the requests refused because of the caller's role: by the
 * servlet container for a page, or by a service for a page's action or an API call. Refusals
 * of a record the caller may not see are recorded by the services themselves, which know why.
 * The entry names the method and the path asked for, never the query, which may hold a
 * patient's name.
 */
public final class Refusals {

    /** Why a role refusal is refused. */
    public static final String ROLE = "the caller's role does not allow it";

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    private static final String PATIENT_PAGE = "/app/patient.xhtml";
    private static final Pattern API_RECORD = Pattern.compile(
            "/api/(patients|uploads)/(\\d{1,18})(?:/.*)?");

    private Refusals() {
    }

    /**
     * Records that the signed-in caller's request was refused for their role. In an error
     * dispatch, the request refused is the one that led to the error page.
     */
    public static void roleRefused(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String u ? u : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));

        AuditTarget target = null;
        String id = null;
        Matcher record = API_RECORD.matcher(path);
        if (record.matches()) {
            target = record.group(1).equals("patients") ? AuditTarget.PATIENT
                    : AuditTarget.UPLOAD;
            id = record.group(2);
        } else if (path.equals(PATIENT_PAGE) && isId(request.getParameter("id"))) {
            target = AuditTarget.PATIENT;
            id = request.getParameter("id").strip();
        }
        LOG.info(() -> "Refused for the caller's role: " + request.getRemoteUser() + ", "
                + request.getMethod() + " " + path);
        CDI.current().select(AuditTrail.class).get().recordRefusal(target, id,
                request.getMethod() + " " + path, ROLE, Map.of());
    }

    private static boolean isId(String text) {
        return text != null && text.strip().matches("\\d{1,18}");
    }
}
