package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;

/** Backs the start page: the session configs this server offers. */
@Named
@RequestScoped
public class StartPage {

    @Inject
    SettingsService settings;

    public Collection<SessionConfig> getSessionConfigs() {
        return settings.settings().sessionConfigs().values();
    }
}
