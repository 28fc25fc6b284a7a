package org.leukemia.web.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses API calls that change something unless they carry the header
 * {@value #HEADER}. The API signs in with the session cookie, which a browser would also send
 * with a form posted from another site; such a form cannot add a header, so requiring one
 * stops cross-site request forgery. Scripts add it with any value.
 */
@Provider
public class CrossSiteGuard implements ContainerRequestFilter {

    /** The header every changing API call must carry. */
    public static final String HEADER = "X-Requested-By";

    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.OPTIONS);

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String value = request.getHeaderString(HEADER);
        if (value == null || value.isBlank()) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorMappers.ApiError("Changing calls must carry the header "
                            + HEADER + " (any value).")).build());
        }
    }
}
