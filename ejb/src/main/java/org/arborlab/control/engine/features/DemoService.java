package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.SessionHooks;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.SessionConfig;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Session;

/** Demo sessions (oTree's {@code /demo/<config>}): any config, with its {@code num_demo_participants}. */
@Stateless
public class DemoService {

    @Inject
    SessionService sessions;

    @Inject
    SessionHooks hooks;

    @Inject
    SettingsService settings;

    /**
     * Creates a demo session of the config with {@code num_demo_participants} (the group size's multiple if the
     * config has none), then runs {@code mock_exogenous_data} if the config asks for it.
     */
    public boolean configExists(String configName) {
        return settings.settings().sessionConfig(configName).isPresent();
    }

    public Session createDemoSession(String configName) {
        SessionConfig config = settings.settings().sessionConfig(configName)
                .orElseThrow(() -> new NotFoundException("Session config \"" + configName
                        + "\" not found in settings.SESSION_CONFIGS."));
        Session session = sessions.create(new CreateSession(configName, config.numDemoParticipants(), null, null,
                "", true));
        hooks.mockExogenousData(session);
        return session;
    }
}
