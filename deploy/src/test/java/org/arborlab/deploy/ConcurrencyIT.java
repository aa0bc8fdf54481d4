package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Concurrency, with real simultaneous HTTP requests: a page submitted many times at once moves the participant on
 * once; wait pages release exactly once per group (and per round) even when the last players arrive together;
 * players writing different fields of their group at the same moment all keep their value.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    // outside a transaction every query reads the database afresh

    /** The real WAR plus a test app, and settings (through MicroProfile Config) with a config that plays it. */
    @Deployment
    static WebArchive deployment() throws IOException {
        Path settings = Path.of("target", "it-settings", "concurrency.json").toAbsolutePath();
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"SESSION_CONFIGS\": [{\"name\": \"counting\", \"app_sequence\": [\"counting\"],"
                + " \"num_demo_participants\": 3}, {\"name\": \"crashing\", \"app_sequence\": [\"crashing\"]},"
                + " {\"name\": \"arrival\", \"app_sequence\": [\"arrival\"]}],"
                + " \"PARTICIPANT_FIELDS\": [\"finished\"]}", StandardCharsets.UTF_8);
        return RealWar.load().addClasses(ConcurrencyIT.class, CountingGame.class, CrashingGame.class,
                ArrivalGame.class, Browser.class)
                .addAsResource(new StringAsset("ARBOR_SETTINGS=" + settings + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Test
    void aPageSubmittedTenTimesAtOnceMovesTheParticipantOnOnce() throws Exception {
        Session session = sessions.create(CreateSession.of("counting", 3));
        Participant participant = sessions.participants(session).get(0);
        Browser browser = new Browser(base);
        Browser.Page decide = browser.get("/InitializeParticipant/" + participant.getCode().value());
        assertEquals("counting/1/Decide/1", decide.marker());

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Browser.Page>> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int number = 100 + i;
            posts.add(pool.submit(() -> {
                start.await();
                return browser.post(decide.path(), Map.of("number", number));
            }));
        }
        start.countDown();
        for (Future<Browser.Page> post : posts) {
            Browser.Page page = post.get(60, TimeUnit.SECONDS);
            assertEquals(200, page.status());
            assertEquals("counting/1/Note/2", page.marker(), "every submission ends on the next page");
        }
        pool.shutdown();
        long completions = (long) em.createQuery("select count(c) from PageCompletion c where c.participant = :p"
                + " and c.pageName = 'Decide'").setParameter("p", participant).getSingleResult();
        assertEquals(1, completions, "Decide was completed once");
        Participant after = em.find(Participant.class, participant.getId());
        assertEquals(2, after.getIndexInPages());
        int stored = playerFields(after).getInt("number");
        assertTrue(stored >= 100 && stored < 110, "one of the submissions was kept: " + stored);
    }

    @Test
    void waitPagesReleaseOncePerGroupAndRoundWhenEveryoneArrivesTogether() throws Exception {
        int n = 30;
        Session session = sessions.create(CreateSession.of("counting", n));
        List<Participant> participants = sessions.participants(session);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier together = new CyclicBarrier(n);
        List<Future<String>> players = new ArrayList<>();
        for (Participant participant : participants) {
            players.add(pool.submit(() -> {
                Browser browser = new Browser(base);
                Browser.Page page = browser.get("/InitializeParticipant/" + participant.getCode().value());
                page = browser.submit(page, Map.of("number", participant.getIdInSession()));
                int id = participant.getIdInSession();
                together.await(60, TimeUnit.SECONDS);
                // the Note submissions land everyone on the group wait page at the same moment
                page = browser.submit(page, Map.of("note" + "ABC".charAt((id - 1) % 3), id * 10));
                return browser.reloadUntil(page, "Done", 60_000, 50).pageName();
            }));
        }
        for (Future<String> player : players) {
            assertEquals("Done", player.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Session stored = sessions.find(session.getCode()).orElseThrow();
        Subsession round = sessions.subsessions(stored).get(0);
        assertEquals(1, round.getFields().getInt("releases"), "the all-groups wait page released once");
        Set<Integer> totals = new HashSet<>();
        for (Group group : sessions.groups(round)) {
            JsonObject fields = group.getFields();
            assertEquals(1, fields.getInt("releases"), "group " + group.getIdInSubsession() + " released once");
            int first = (group.getIdInSubsession() - 1) * 3 + 1;
            assertEquals(first + first + 1 + first + 2, fields.getInt("total"));
            assertEquals(List.of(first * 10, (first + 1) * 10, (first + 2) * 10),
                    List.of(fields.getInt("noteA"), fields.getInt("noteB"), fields.getInt("noteC")),
                    "three players wrote three fields of one group at once; all are kept");
            totals.add(fields.getInt("total"));
        }
        assertEquals(n / 3, totals.size());
        for (String page : List.of("Gather", "Everyone")) {
            List<?> perParticipant = em.createQuery("select count(c) from PageCompletion c where c.session = :s"
                    + " and c.pageName = :page and c.waitPage = true group by c.participant")
                    .setParameter("s", stored).setParameter("page", page).getResultList();
            assertEquals(n, perParticipant.size(), page);
            assertTrue(perParticipant.stream().allMatch(c -> ((Number) c).longValue() == 1), page + " once each");
        }
    }

    /**
     * Grouping by arrival time with 100 participants arriving at once: every participant ends up in exactly one
     * group of 4, the groups are filled in the order of arrival (the k-th group holds arrivals 4k-3 to 4k, by id in
     * group), each group's afterAllPlayersArrive ran once, and nobody is left waiting.
     */
    @Test
    void aHundredSimultaneousArrivalsFormGroupsInArrivalOrder() throws Exception {
        int n = 100;
        Session session = sessions.create(CreateSession.of("arrival", n));
        List<Participant> participants = sessions.participants(session);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier together = new CyclicBarrier(n);
        List<Future<String>> players = new ArrayList<>();
        for (Participant participant : participants) {
            players.add(pool.submit(() -> {
                Browser browser = new Browser(base);
                together.await(60, TimeUnit.SECONDS);
                Browser.Page page = browser.get("/InitializeParticipant/" + participant.getCode().value());
                // a waiting browser is told to reload by the push channel; this polls instead
                return browser.reloadUntil(page, "Done", 90_000, 200).pageName();
            }));
        }
        for (Future<String> player : players) {
            assertEquals("Done", player.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Session stored = sessions.find(session.getCode()).orElseThrow();
        Object[] span = (Object[]) em.createQuery("select min(c.epochMillisCompleted), max(c.epochMillisCompleted)"
                + " from PageCompletion c where c.session = :s and c.pageName in ('InitializeParticipant', 'Meet')")
                .setParameter("s", stored).getSingleResult();
        System.out.println("Group by arrival time: " + n + " simultaneous arrivals, first arrival to last group "
                + (((Number) span[1]).longValue() - ((Number) span[0]).longValue()) + " ms on the server");

        Subsession round = sessions.subsessions(stored).get(0);
        List<Group> groups = sessions.groups(round);
        assertEquals(n / 4, groups.size(), "25 groups of 4, the first group (everyone) removed once empty");
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < groups.size(); k++) {
            Group group = groups.get(k);
            assertEquals(k + 2, group.getIdInSubsession(), "new groups take the next ids");
            assertEquals(1, group.getFields().getInt("formed"), "group " + group.getIdInSubsession() + " formed once");
            assertEquals(4, group.getFields().getInt("size"));
            List<Player> members = em.createQuery("select p from Player p where p.group = :g order by p.idInGroup",
                    Player.class).setParameter("g", group).getResultList();
            List<Integer> arrivals = members.stream().map(Player::getArrival).toList();
            assertEquals(List.of(4 * k + 1, 4 * k + 2, 4 * k + 3, 4 * k + 4), arrivals,
                    "group " + group.getIdInSubsession() + " holds the next four arrivals, in order");
            members.forEach(m -> assertTrue(seen.add(m.getParticipant().getId()), "in one group only"));
        }
        assertEquals(n, seen.size());
        List<?> perParticipant = em.createQuery("select count(c) from PageCompletion c where c.session = :s"
                + " and c.pageName = 'Meet' and c.waitPage = true group by c.participant")
                .setParameter("s", stored).getResultList();
        assertEquals(n, perParticipant.size());
        assertTrue(perParticipant.stream().allMatch(c -> ((Number) c).longValue() == 1), "Meet once each");
    }

    private JsonObject playerFields(Participant participant) {
        Player player = em.createQuery("select p from Player p where p.participant = :p", Player.class)
                .setParameter("p", participant).getSingleResult();
        return player.getFields();
    }

    /** Shares this deployment (not in production): an app's error shows its file, line and message, escaped. */
    @Test
    void anAppErrorOnAParticipantPageShowsWhereOutsideProduction() {
        Session session = sessions.create(CreateSession.of("crashing", 1));
        Browser browser = new Browser(base);
        Browser.Page page = browser.get("/InitializeParticipant/" + sessions.participants(session).get(0).getCode().value());
        assertEquals("crashing/1/Crash/1", page.marker(), page.html());
        Browser.Page error = browser.submit(page, Map.of());
        assertEquals(500, error.status(), error.html());
        assertTrue(error.contains("id=\"error-details\">CrashingGame.java, line 40: IllegalStateException: "
                + CrashingGame.MESSAGE + " &lt;b&gt; (in " + CrashingGame.class.getName() + "$Crash.beforeNextPage)"),
                error.html());
    }
}
