package org.leukemia.web.security;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers that the security filters give in place of the page or API call asked for: the API
 * gets a status with a JSON body, a page a redirect. A PrimeFaces AJAX request cannot follow a
 * plain redirect (it would get a page where it expects a partial response), so it gets the
 * redirect inside a Faces partial response.
 */
final class Answers {

    /** The page where users sign in. */
    static final String LOGIN_PAGE = "/login.xhtml";
    /** The login page's note that a session ended. */
    static final String SESSION_ENDED = LOGIN_PAGE + "?ended=true";

    private Answers() {
    }

    /** Whether the request goes to the JSON API. */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Sends an API error: {@code status} with {@code {"error": message}}. */
    static void apiError(HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", message).build()
                .toString());
    }

    /**
     * Sends the browser to {@code path} below the application, in the form the request
     * understands: a partial response for a Faces AJAX request, a 302 otherwise.
     */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        String url = request.getContextPath() + path;
        if (!"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.sendRedirect(url);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<partial-response><redirect url=\"" + url.replace("&", "&amp;")
                + "\"/></partial-response>");
    }
}
