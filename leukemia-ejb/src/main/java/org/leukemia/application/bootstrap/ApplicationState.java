package org.leukemia.application.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * What the health checks report: whether start-up finished, and with which schema and model.
 * The application is ready when the services have started (schema migrated, model loaded) and
 * the web module has finished starting, so that the first request finds everything in place.
 */
@ApplicationScoped
public class ApplicationState {

    private volatile Readiness readiness;
    private volatile boolean webStarted;

    void markReady(String schemaVersion, int modelVersion) {
        readiness = new Readiness(schemaVersion, modelVersion);
    }

    /** Called by the web module once its pages and API are in place. */
    public void markWebStarted() {
        webStarted = true;
    }

    /** The readiness details, empty while the application is still starting. */
    public Optional<Readiness> readiness() {
        return webStarted ? Optional.ofNullable(readiness) : Optional.empty();
    }

    /**
     * A started application.
     *
     * @param schemaVersion the database schema version after migration
     * @param modelVersion the version of the model that serves predictions
     */
    public record Readiness(String schemaVersion, int modelVersion) {
    }
}
