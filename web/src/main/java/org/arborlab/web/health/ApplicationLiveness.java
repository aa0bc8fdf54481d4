package org.arborlab.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** {@link HealthChecks#application()} for MicroProfile Health. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Inject
    HealthChecks checks;

    @Override
    public HealthCheckResponse call() {
        return MicroProfileHealth.response(checks.application());
    }
}
