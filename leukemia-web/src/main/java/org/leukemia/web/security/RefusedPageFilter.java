package org.leukemia.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Records a page the servlet container refused a signed-in user for their role (a doctor at
 * the audit trail, say) on its way to the "Not allowed" page.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class RefusedPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (request.getUserPrincipal() != null && Integer.valueOf(
                HttpServletResponse.SC_FORBIDDEN).equals(
                        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE))) {
            Refusals.roleRefused(request);
        }
        chain.doFilter(request, response);
    }
}
