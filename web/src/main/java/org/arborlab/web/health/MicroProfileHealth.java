package org.arborlab.web.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A {@link HealthChecks.Result} as MicroProfile Health's response. */
final class MicroProfileHealth {

    private MicroProfileHealth() {
    }

    static HealthCheckResponse response(HealthChecks.Result result) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(result.name()).status(result.up());
        result.data().forEach((key, value) -> {
            if (value instanceof Number number) {
                builder.withData(key, number.longValue());
            } else {
                builder.withData(key, String.valueOf(value));
            }
        });
        return builder.build();
    }
}
