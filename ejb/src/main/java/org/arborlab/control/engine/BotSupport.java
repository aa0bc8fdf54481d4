package org.arborlab.control.engine;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.arborlab.control.settings.SettingsService;
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
    AppModels apps;

    @Inject
    SettingsService settings;

    @Resource
    SessionContext context;

    /** The bot's steps for a participant's round of an app; {@code null} if the app has no bot. */
    public List<BotRound.Step<BasePlayer<?, ?>>> plan(String participantCode, String app, int round) {
        Bot bot = apps.get(app).app().bot();
        if (bot == null) {
            return null;
        }
        BotRound<BasePlayer<?, ?>> plan = new BotRound<>(player(participantCode, app, round), round);
        bot.playRound(plan);
        context.setRollbackOnly();
        return plan.steps();
    }

    /** The form values a step submits, as form texts. */
    public Map<String, String> values(String participantCode, String app, int round,
            Function<BasePlayer<?, ?>, Map<String, ?>> values) {
        Map<String, ?> chosen = values.apply(player(participantCode, app, round));
        Map<String, String> form = new LinkedHashMap<>();
        chosen.forEach((name, value) -> form.put(name, FieldSpec.formText(value instanceof org.arborlab.spi.Currency c
                ? c.amount() : value)));
        context.setRollbackOnly();
        return form;
    }

    /** Runs a check; the failure's message, or {@code null} if it passed. */
    public String check(String participantCode, String app, int round,
            java.util.function.Consumer<BasePlayer<?, ?>> check) {
        BasePlayer<?, ?> player = player(participantCode, app, round);
        try {
            check.accept(player);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            context.setRollbackOnly();
        }
    }

    private BasePlayer<?, ?> player(String participantCode, String app, int round) {
        Participant participant = em.createNamedQuery("Participant.byCode", Participant.class)
                .setParameter("code", new ParticipantCode(participantCode)).getSingleResult();
        ModelScope scope = new ModelScope(em, apps, new CurrencyFormat(settings.settings().currency()),
                participant.getSession(), false);
        return scope.player(participant, app, round);
    }
}
