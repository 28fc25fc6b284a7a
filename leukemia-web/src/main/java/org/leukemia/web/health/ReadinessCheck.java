package org.leukemia.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.leukemia.application.bootstrap.ApplicationState;

/**
 * Ready once the schema is migrated and a model is loaded. The server's own readiness says
 * nothing about the application (it reports "up" even after a failed deployment), so monitoring
 * should look for this check by name.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    /** The name under which this check appears in {@code /health/ready}. */
    public static final String NAME = "leukemia";

    @Inject
    private ApplicationState state;

    @Override
    public HealthCheckResponse call() {
        return state.readiness()
                .map(r -> HealthCheckResponse.named(NAME).up()
                        .withData("schemaVersion", r.schemaVersion())
                        .withData("modelVersion", r.modelVersion())
                        .build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", "starting").build());
    }
}
