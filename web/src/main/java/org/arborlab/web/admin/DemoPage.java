package org.arborlab.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;

/**
 * The demo index ({@code /}, {@code /demo}, and {@code /demo/<name>} with that config chosen): each session
 * config with a "Create a demo session" button (a POST to {@code /demo/<name>}), and the demo sessions so far
 * (the Sessions list leaves them out); the title and introduction come from oTree's DEMO_PAGE_TITLE and
 * DEMO_PAGE_INTRO_HTML settings.
 */
@Named
@RequestScoped
public class DemoPage {

    @Inject
    SettingsService settings;

    @Inject
    org.arborlab.control.admin.SessionAdminService sessions;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private java.util.List<org.arborlab.control.admin.SessionRow> demoSessions;

    /** The config of {@code /demo/<name>}, or null on the index. */
    public String getChosen() {
        return (String) request.getAttribute(AdminRoutes.DEMO_CONFIG);
    }

    public java.util.List<org.arborlab.control.admin.SessionRow> getDemoSessions() {
        if (demoSessions == null) {
            demoSessions = sessions.demoSessions();
        }
        return demoSessions;
    }

    public String created(org.arborlab.control.admin.SessionRow row) {
        return RelativeTime.since(row.createdEpochMillis(), System.currentTimeMillis());
    }

    public Collection<SessionConfig> getConfigs() {
        return settings.settings().sessionConfigs().values();
    }

    public String getTitle() {
        return settings.settings().project().demoPageTitle();
    }

    public String getIntroHtml() {
        return settings.settings().project().demoPageIntroHtml();
    }
}
