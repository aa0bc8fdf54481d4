package org.arborlab.control.engine.features;

import org.arborlab.control.engine.runtime.SessionHooks;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BotRound;

/**
 * Plays a whole session with the apps' bots, over HTTP against a running Arbor, all participants at once, as
 * real participants would (oTree's browser-less bots). For testing apps before a study and for load tests.
 */
@Stateless
public class BotRunner {

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    SessionHooks hooks;

    @Inject
    BotSupport support;

    @Resource
    ManagedExecutorService executor;

    /**
     * A session for bots: its participants are marked as bots, and {@code mock_exogenous_data} runs (bot sessions
     * are never in a room).
     */
    public String createBotSession(String configName, Integer numParticipants) {
        return createBotSession(configName, numParticipants, null);
    }

    /** The same, with config fields changed for this session (e.g. a shorter timeout for a test). */
    public String createBotSession(String configName, Integer numParticipants, JsonObject modifiedConfigFields) {
        Session session = sessions.create(new CreateSession(configName, numParticipants, modifiedConfigFields, null,
                "", false));
        for (Participant participant : sessions.participants(session)) {
            participant.setBot(true);
        }
        hooks.mockExogenousData(session);
        return session.getCode().value();
    }

    /**
     * Plays the session to the end.
     *
     * @param baseUrl where the server answers, e.g. {@code http://127.0.0.1:8000/}
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BotReport run(String sessionCode, URI baseUrl, Duration timeout) throws InterruptedException {
        if (!SessionCode.isValid(sessionCode)) {
            throw SessionService.notFound(sessionCode);
        }
        Session session = sessions.find(new SessionCode(sessionCode))
                .orElseThrow(() -> SessionService.notFound(sessionCode));
        List<String> codes = sessions.participants(session).stream().map(p -> p.getCode().value()).toList();
        long start = System.currentTimeMillis();
        long deadline = start + timeout.toMillis();
        AtomicInteger requests = new AtomicInteger();
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(executor);
        List<Future<Integer>> bots = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            int bot = i;
            BotPlayer player = new BotPlayer(baseUrl, codes.get(i), playerData(codes.get(i)), requests, deadline);
            bots.add(done.submit(() -> {
                player.play();
                return bot;
            }));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            names.add("P" + (i + 1) + " (" + codes.get(i) + ")");
        }
        List<String> failures = BotRace.finish(done, bots, names, deadline, timeout);
        return new BotReport(sessionCode, codes.size(), requests.get(), System.currentTimeMillis() - start,
                List.copyOf(failures));
    }

    /** Creates a bot session of a config and plays it: what {@code otree test <config>} does. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BotReport test(String configName, Integer numParticipants, URI baseUrl, Duration timeout)
            throws InterruptedException {
        if (configName == null) {
            throw new NotFoundException("Session config not given");
        }
        String code = self().createBotSession(configName, numParticipants);
        return run(code, baseUrl, timeout);
    }

    @Resource
    jakarta.ejb.SessionContext context;

    private BotRunner self() {
        return context.getBusinessObject(BotRunner.class);
    }

    /**
     * The bot data of one participant, for a {@link BotScript}. Every call goes through {@link #support}'s
     * container proxy, so each runs in its own transaction on a bean instance the container hands out (a
     * stateless bean's own {@code this} must not escape to other threads, and an EAR's EJB container refuses
     * non-public methods).
     */
    private BotScript.PlayerData playerData(String participantCode) {
        return new BotScript.PlayerData() {
            @Override
            public List<BotRound.Step<BasePlayer<?, ?>>> plan(String app,
                    int round) {
                return support.plan(participantCode, app, round);
            }

            @Override
            public Map<String, ?> values(String app, int round,
                    Function<BasePlayer<?, ?>, Map<String, ?>> values) {
                return support.values(participantCode, app, round, values);
            }

            @Override
            public String check(String app, int round,
                    Consumer<BasePlayer<?, ?>> check) {
                return support.check(participantCode, app, round, check);
            }
        };
    }
}
