package org.arborlab.control.engine.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.arborlab.control.settings.SettingsService;

/**
 * Checks every app when Arbor starts, so a mistake in an app stops start-up with its message, not a participant:
 * loading the {@link AppRegistry} checks each app's classes, fields and their hooks ({@link FieldHooks}), initial
 * values, pages and templates ({@link TemplateCheck}, with file and line).
 */
@Singleton
@Startup
public class EngineStartup {
    private static final Logger LOG = Logger.getLogger(EngineStartup.class.getName());

    @Inject
    AppRegistry apps;

    @PostConstruct
    void check() {
        try {
            apps.all().values().forEach(app -> LOG.info(() -> "App " + app.name() + ": " + app.pages().size()
                    + " pages, " + app.numRounds() + " round(s)"));
        } catch (RuntimeException e) {
            LOG.severe(SettingsService.START_UP_ERROR + appMistake(e));
            throw e;
        }
    }

    /** The message of the check that failed, also when the container wrapped it in its own exception. */
    static String appMistake(Throwable e) {
        Throwable found = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException) {
                found = t;
            }
        }
        return found.getMessage();
    }
}
