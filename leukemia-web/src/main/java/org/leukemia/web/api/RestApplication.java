package org.leukemia.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api}. It uses the same sign-in session as the pages, and the same
 * services, so the same access rules apply.
 */
@ApplicationPath("api")
public class RestApplication extends Application {
}
