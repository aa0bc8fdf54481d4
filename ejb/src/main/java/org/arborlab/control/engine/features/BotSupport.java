package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.ModelScopes;
import org.arborlab.control.engine.storage.JpaStorage;
import org.arborlab.control.engine.runtime.FieldSpec;
import org.arborlab.control.engine.runtime.ModelScope;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.Bot;
import org.arborlab.spi.BotRound;

/**
 * The bot runner's access to the data, one read-only transaction per call: a bot plans each round, computes
 * values and runs its checks against the player as it is at that moment. Nothing a bot does here is saved;
 * only its HTTP requests change anything, as a participant's would.
 */
@Stateless
@SuppressWarnings({"rawtypes", "unchecked"})
public class BotSupport {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    AppRegistry apps;

    @Inject
    ModelScopes scopes;

    @Resource
    SessionContext context;

    /** The bot's steps for a participant's round of an app; {@code null} if the app has no bot. */
    public List<BotRound.Step<BasePlayer<?, ?>>> plan(String participantCode, String app, int round) {
        try {
            return BotScript.plan(apps.get(app), player(participantCode, app, round), round);
        } finally {
            context.setRollbackOnly();
        }
    }

    /** The values a step computes from the player. */
    public Map<String, ?> values(String participantCode, String app, int round,
            Function<BasePlayer<?, ?>, Map<String, ?>> values) {
        try {
            return values.apply(player(participantCode, app, round));
        } finally {
            context.setRollbackOnly();
        }
    }

    /** Runs a check; the failure's message, or {@code null} if it passed. */
    public String check(String participantCode, String app, int round,
            java.util.function.Consumer<BasePlayer<?, ?>> check) {
        BasePlayer<?, ?> player = player(participantCode, app, round);
        try {
            check.accept(player);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return BotScript.failureOf(e);
        } finally {
            context.setRollbackOnly();
        }
    }

    private BasePlayer<?, ?> player(String participantCode, String app, int round) {
        Participant participant = em.createNamedQuery("Participant.byCode", Participant.class)
                .setParameter("code", new ParticipantCode(participantCode)).getSingleResult();
        ModelScope scope = scopes.open(new JpaStorage(em), participant.getSession());
        return scope.player(participant, app, round);
    }
}
