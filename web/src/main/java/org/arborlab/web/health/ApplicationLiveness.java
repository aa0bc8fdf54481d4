package org.arborlab.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.arborlab.control.settings.SettingsService;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive once the application has started with valid settings. */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Inject
    SettingsService settings;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("arbor").up()
                .withData("session_configs", settings.settings().sessionConfigs().size()).build();
    }
}
