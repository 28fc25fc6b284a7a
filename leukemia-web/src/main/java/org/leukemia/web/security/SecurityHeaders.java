package org.leukemia.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers every answer carries. Pages, API answers, exports and reports hold patient
 * data, so no browser or proxy may keep a copy ({@code Cache-Control: no-store}), even of a
 * download whose writer resets the response and sets caching headers of its own. No other
 * site may frame the pages, post a form of theirs elsewhere, plant a base address or a
 * plugin; the browser may not guess another type than the one sent, nor a link tell another
 * site which page it came from. The pages' style sheets, scripts and images (Faces resources)
 * hold no patient data and keep the caching the container gives them. Error pages the
 * container shows (a page the role does not allow) carry the same headers.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST,
    DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    /**
     * What the pages may do: the directives that leave PrimeFaces' inline scripts working.
     * Scripts themselves are not restricted (see the README's known limitations).
     */
    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'";

    private static final long serialVersionUID = 1L;
    private static final String RESOURCES = "/jakarta.faces.resource/";
    private static final Map<String, String> ALWAYS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY);
    private static final Map<String, String> NOT_STORED = Map.of(
            "Cache-Control", "no-store",
            "Pragma", "no-cache");
    private static final Set<String> CACHING = Set.of("cache-control", "pragma", "expires");

    /**
     * Gives an answer made before any filter runs (the sign-in's own answers and redirects)
     * the headers of every other answer.
     */
    public static void addTo(HttpServletResponse response) {
        ALWAYS.forEach(response::setHeader);
        NOT_STORED.forEach(response::setHeader);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean staticResource = path.startsWith(RESOURCES) && !path.contains("dynamiccontent");
        Headers headers = new Headers(response, !staticResource);
        headers.apply();
        chain.doFilter(request, headers);
    }

    /** Keeps the headers through a reset, and keeps "not stored" from being overridden. */
    private static final class Headers extends HttpServletResponseWrapper {

        private final boolean notStored;

        Headers(HttpServletResponse response, boolean notStored) {
            super(response);
            this.notStored = notStored;
        }

        void apply() {
            ALWAYS.forEach(super::setHeader);
            if (notStored) {
                NOT_STORED.forEach(super::setHeader);
            }
        }

        @Override
        public void reset() {
            super.reset();
            apply();
        }

        @Override
        public void setHeader(String name, String value) {
            if (!overridesNotStored(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!overridesNotStored(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!overridesNotStored(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!overridesNotStored(name)) {
                super.addDateHeader(name, date);
            }
        }

        private boolean overridesNotStored(String name) {
            return notStored && name != null
                    && CACHING.contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
