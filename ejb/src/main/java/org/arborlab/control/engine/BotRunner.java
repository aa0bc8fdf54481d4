package org.arborlab.control.engine;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;

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
        List<Future<?>> bots = new ArrayList<>();
        for (String code : codes) {
            BotPlayer bot = new BotPlayer(baseUrl, code, support, requests, deadline);
            bots.add(executor.submit(() -> {
                bot.play();
                return null;
            }));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < bots.size(); i++) {
            try {
                bots.get(i).get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failures.add("P" + (i + 1) + " (" + codes.get(i) + "): " + (cause instanceof BotPlayer.BotFailure
                        ? cause.getMessage() : cause.toString()));
            } catch (TimeoutException e) {
                bots.get(i).cancel(true);
                failures.add("P" + (i + 1) + " (" + codes.get(i) + "): did not finish within " + timeout);
            }
        }
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
}
