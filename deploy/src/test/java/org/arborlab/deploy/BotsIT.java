package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;
import org.arborlab.control.session.Payoffs;
import org.arborlab.control.session.SessionService;
import org.arborlab.control.settings.SettingsService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every sample app played to the end by its bots, over HTTP against the real server, all participants at once;
 * then the payoffs in the database are compared with values computed by hand from the bots' decisions.
 */
@ExtendWith(ArquillianExtension.class)
class BotsIT {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClass(BotsIT.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    BotRunner bots;

    @Inject
    SessionService sessions;

    @Inject
    SettingsService settings;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    private List<Participant> play(String code) throws Exception {
        BotReport report = bots.run(code, base.toURI(), LIMIT);
        assertTrue(report.passed(), report.failures().toString());
        Session session = sessions.find(new SessionCode(code)).orElseThrow();
        List<Participant> participants = sessions.participants(session);
        for (Participant p : participants) {
            assertTrue(p.getIndexInPages() > p.getMaxPageIndex(), "P" + p.getIdInSession() + " finished");
            assertTrue(p.isBot());
        }
        return participants;
    }

    private static void assertPayoffs(List<Participant> participants, int... expected) {
        for (int i = 0; i < participants.size(); i++) {
            assertEquals(0, BigDecimal.valueOf(expected[i % expected.length]).compareTo(participants.get(i).getPayoff()),
                    "payoff of P" + (i + 1) + ": " + participants.get(i).getPayoff());
        }
    }

    /** A sends 4 of 10; B gets 12 and sends back 5: A = 10 - 4 + 5 = 11, B = 12 - 5 = 7. */
    @Test
    void trustGameWithTwoGroups() throws Exception {
        List<Participant> participants = play(bots.createBotSession("trust", 4));
        assertPayoffs(participants, 11, 7);
        assertTrue(participants.stream().allMatch(p -> p.getVars().getBoolean("finished")));
    }

    /**
     * Contributions (P1, P2, P3) per round: (10, 20, 30), (0, 50, 100), (100, 100, 100), multiplier 2, groups of
     * three: shares 40, 100, 200. P1 = 130 + 200 + 200 = 530, P2 = 120 + 150 + 200 = 470,
     * P3 = 110 + 100 + 200 = 410. In money at 0.10 per point plus the 5.00 fee: 58.00, 52.00, 46.00.
     */
    @Test
    void publicGoodsOverThreeRounds() throws Exception {
        List<Participant> participants = play(bots.createBotSession("public_goods", 6));
        assertPayoffs(participants, 530, 470, 410);
        Session session = participants.get(0).getSession();
        BigDecimal fee = Payoffs.participationFee(session.getConfig(), settings.settings().currency());
        assertEquals(new BigDecimal("58.00"), Payoffs.inRealWorldCurrency(participants.get(0).getPayoff(),
                session.getConfig(), settings.settings().currency()).add(fee));
        assertEquals(new BigDecimal("46.00"), Payoffs.inRealWorldCurrency(participants.get(2).getPayoff(),
                session.getConfig(), settings.settings().currency()).add(fee));
    }

    /** The ball costs 1: the bonus of 5 points. mock_exogenous_data ran for this bot session. */
    @Test
    void surveyWithValidation() throws Exception {
        List<Participant> participants = play(bots.createBotSession("survey", 2));
        assertPayoffs(participants, 5);
        assertEquals("mocked_1", participants.get(0).getLabel().value());
        assertEquals(99, participants.get(0).getVars().getInt("age"));
        String fields = em.createQuery("select p.fields from Player p where p.participant = :p")
                .setParameter("p", participants.get(0)).getSingleResult().toString();
        assertTrue(fields.contains("\"age\":30") && fields.contains("\"hoursOfSleep\":7.5"), fields);
    }

    /**
     * Quiz: right, wrong, timed out (after 2 s): 1 point; then the survey's 5: 6 in total. The timed-out page is
     * recorded as such in the page times.
     */
    @Test
    void timedQuizThenSurvey() throws Exception {
        String code = bots.createBotSession("quiz", 1,
                Json.createObjectBuilder().add("quiz_timeout_seconds", 2).build());
        List<Participant> participants = play(code);
        assertPayoffs(participants, 6);
        List<?> timeouts = em.createQuery("select c.roundNumber from PageCompletion c where c.participant = :p"
                + " and c.timeoutHappened = true").setParameter("p", participants.get(0)).getResultList();
        assertEquals(List.of(3), timeouts);
    }

    /**
     * Dictator game with pairs formed by arrival time: 6 bots arrive at once, in whatever order the requests
     * land; each pair's first (the dictator) keeps 70 and the other gets 30, so three of each.
     */
    @Test
    void dictatorPairsFormedByArrival() throws Exception {
        List<Participant> participants = play(bots.createBotSession("dictator", 6));
        List<Integer> payoffs = participants.stream().map(p -> p.getPayoff().intValueExact()).sorted().toList();
        assertEquals(List.of(30, 30, 30, 70, 70, 70), payoffs);
        List<?> groupSizes = em.createQuery("select count(p) from Player p where p.session = :s group by p.group")
                .setParameter("s", participants.get(0).getSession()).getResultList();
        assertEquals(3, groupSizes.size(), "three pairs, the first group (everyone) gone");
        assertTrue(groupSizes.stream().allMatch(c -> ((Number) c).longValue() == 2), groupSizes.toString());
    }
}
