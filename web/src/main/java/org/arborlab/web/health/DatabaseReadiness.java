package org.arborlab.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@link HealthChecks#database()} for MicroProfile Health. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return MicroProfileHealth.response(checks.database());
    }
}
