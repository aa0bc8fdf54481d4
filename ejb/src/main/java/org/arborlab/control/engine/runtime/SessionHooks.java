package org.arborlab.control.engine.runtime;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.arborlab.control.engine.storage.JpaStorage;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.spi.MockExogenousData;

/** {@link SessionSetup} on the server, in the caller's transaction. */
@Stateless
public class SessionHooks {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    ModelScopes scopes;

    @Inject
    Instance<MockExogenousData> mocks;

    /** The number of pages a participant goes through in this app sequence (oTree's {@code _max_page_index}). */
    public int maxPageIndex(List<String> appSequence) {
        return scopes.apps().flow(appSequence).size();
    }

    /** See {@link SessionSetup#build}. */
    public List<Participant> build(Session session, int numParticipants) {
        return setup().build(session, numParticipants);
    }

    /** See {@link SessionSetup#mockExogenousData}. */
    public boolean mockExogenousData(Session session) {
        return setup().mockExogenousData(session, mocks.isResolvable() ? mocks.get() : null);
    }

    private SessionSetup setup() {
        return new SessionSetup(scopes, new JpaStorage(em));
    }
}
