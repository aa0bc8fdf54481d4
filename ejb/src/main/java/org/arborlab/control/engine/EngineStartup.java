package org.arborlab.control.engine;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.arborlab.control.settings.SettingsService;

/** Checks every app when Arbor starts, so a mistake in an app stops start-up with its message, not a participant. */
@Singleton
@Startup
public class EngineStartup {
    private static final Logger LOG = Logger.getLogger(EngineStartup.class.getName());

    @Inject
    AppModels apps;

    @PostConstruct
    void check() {
        try {
            apps.all().values().forEach(app -> LOG.info(() -> "App " + app.name() + ": " + app.pages().size()
                    + " pages, " + app.numRounds() + " round(s)"));
        } catch (RuntimeException e) {
            LOG.severe(SettingsService.START_UP_ERROR + e.getMessage());
            throw e;
        }
    }
}
