package org.arborlab.control.engine.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import org.arborlab.control.ServerEnvironment;
import org.arborlab.control.engine.storage.JpaStorage;

/**
 * {@link Play} on the server: each call is one transaction on the database. The participant's row is locked
 * before anything changes, so concurrent requests of one participant queue; the events reach their observers
 * (the push channels) after commit.
 */
@Stateless
public class PlayService {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    ModelScopes scopes;

    @Inject
    ServerEnvironment environment;

    @Inject
    Clock clock;

    @Inject
    Event<Object> events;

    @Resource
    SessionContext context;

    private Play play() {
        return new Play(scopes, new JpaStorage(em), clock, events::fire, environment.isProduction());
    }

    /** See {@link Play#start}. */
    public Outcome start(String code, String label) {
        return play().start(code, label);
    }

    /** See {@link Play#show}. */
    public Outcome show(String code, int index) {
        return play().show(code, index);
    }

    /** See {@link Play#submit}; a submission shown again with errors is rolled back. */
    public Outcome submit(String code, int index, Map<String, String> form, boolean timeoutClaimed) {
        return submit(code, null, null, index, form, timeoutClaimed);
    }

    /** See {@link Play#submit(String, String, String, int, Map, boolean)}; rolled back like the one above. */
    public Outcome submit(String code, String appName, String pageName, int index, Map<String, String> form,
            boolean timeoutClaimed) {
        Outcome outcome = play().submit(code, appName, pageName, index, form, timeoutClaimed);
        if (outcome instanceof Outcome.ShowPage page && page.view().hasErrors()) {
            context.setRollbackOnly();
        }
        return outcome;
    }

    /**
     * See {@link Play#live}: one transaction, so what the live method changed is saved together once this
     * returns (and rolled back if it throws). Ignored messages are logged, as oTree does.
     */
    public LiveResult live(String code, int index, String text) {
        LiveResult result = play().live(code, index, text);
        if (result.status() == LiveResult.Status.IGNORED) {
            LOG.info(() -> "Live message ignored: " + result.message());
        }
        return result;
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PlayService.class.getName());

    /** See {@link Play#isOnPage}. */
    public boolean isOnPage(String code, int index) {
        return play().isOnPage(code, index);
    }

    /** See {@link Play#forceTimeout}. */
    public boolean forceTimeout(String code, int fromIndex) {
        return play().forceTimeout(code, fromIndex);
    }
}
