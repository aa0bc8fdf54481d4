package org.arborlab.control.engine;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.MockExogenousData;

/** The app hooks that run when a session is made: creating_session, and mock_exogenous_data for demos and bots. */
@Stateless
public class SessionHooks {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    AppModels apps;

    @Inject
    SettingsService settings;

    @Inject
    Instance<MockExogenousData> mocks;

    /** The number of pages a participant goes through in this app sequence (oTree's {@code _max_page_index}). */
    public int maxPageIndex(List<String> appSequence) {
        return apps.flow(appSequence).size();
    }

    /** Runs each app's {@code creatingSession} for each of its rounds, in app and round order. */
    @SuppressWarnings("unchecked")
    public void creatingSession(Session session) {
        ModelScope scope = new ModelScope(em, apps, new CurrencyFormat(settings.settings().currency()), session, true);
        em.flush();
        for (AppModel app : apps.flow(session.getConfig()).apps()) {
            List<Subsession> rounds = em.createNamedQuery("Subsession.inRounds", Subsession.class)
                    .setParameter("session", session).setParameter("app", app.name())
                    .setParameter("first", 1).setParameter("last", app.numRounds()).getResultList();
            for (Subsession round : rounds) {
                app.app().creatingSession(scope.subsession(round));
            }
        }
        scope.writeBack();
    }

    /**
     * oTree's {@code mock_exogenous_data}: only if the config asks for it. Callers decide when (demo and bot
     * sessions, never a session in a room).
     *
     * @return whether it ran
     */
    public boolean mockExogenousData(Session session) {
        if (!isTrue(session.getConfig().get("mock_exogenous_data"))) {
            return false;
        }
        if (mocks.isUnsatisfied()) {
            throw new IllegalStateException("Session config " + session.getConfigName() + " has mock_exogenous_data"
                    + " set, but no bean implements MockExogenousData");
        }
        ModelScope scope = new ModelScope(em, apps, new CurrencyFormat(settings.settings().currency()), session, false);
        mocks.get().mockExogenousData(scope.session());
        scope.writeBack();
        return true;
    }

    private static boolean isTrue(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof jakarta.json.JsonNumber n && n.doubleValue() != 0;
    }
}
