package org.leukemia.web.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import org.leukemia.application.bootstrap.ApplicationState;

/**
 * Tells the readiness check that the web module has started. The container initialises
 * servlets in load-on-startup order after every context listener, so by the time this one runs
 * the Faces servlet and the security mechanism are in place. It serves no request.
 */
@WebServlet(urlPatterns = "/internal/web-started", loadOnStartup = 100)
public class WebStartedMarker extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ApplicationState state;

    @Override
    public void init() {
        state.markWebStarted();
    }
}
