package org.arborlab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The environment variables oTree users already know (read through MicroProfile Config, so a system property
 * or the server's config works too). Checked at start-up.
 */
@ApplicationScoped
public class ServerEnvironment {

    @Inject
    @ConfigProperty(name = "OTREE_AUTH_LEVEL")
    Optional<String> authLevelValue;

    @Inject
    @ConfigProperty(name = "OTREE_ADMIN_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "OTREE_REST_KEY")
    Optional<String> restKey;

    @Inject
    @ConfigProperty(name = "OTREE_PRODUCTION")
    Optional<String> production;

    private AuthLevel authLevel;

    /** @throws IllegalArgumentException for a value oTree would not accept either */
    public AuthLevel authLevel() {
        if (authLevel == null) {
            authLevel = AuthLevel.parse(authLevelValue.orElse(""));
        }
        return authLevel;
    }

    /** Empty when unset or empty, as oTree treats both alike. */
    public Optional<String> adminPassword() {
        return adminPassword.filter(p -> !p.isEmpty());
    }

    public Optional<String> restKey() {
        return restKey.filter(k -> !k.isEmpty());
    }

    /** oTree's DEBUG is on unless OTREE_PRODUCTION is set to something other than "" or "0". */
    public boolean isProduction() {
        return production.filter(p -> !p.isEmpty() && !p.equals("0")).isPresent();
    }
}
