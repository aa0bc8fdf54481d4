package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;

/** The demo index ({@code /}, {@code /demo}): each session config links to {@code /demo/<name>}. */
@Named
@RequestScoped
public class DemoPage {

    @Inject
    SettingsService settings;

    public Collection<SessionConfig> getConfigs() {
        return settings.settings().sessionConfigs().values();
    }
}
