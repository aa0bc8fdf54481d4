package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.arborlab.control.engine.features.ArrivalService;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rooms and start links over HTTP: label files, secure URLs, arrival order, re-entry, vars stored before
 * arrival, full sessions, the waiting page, and 50 visitors arriving at the same instant.
 */
@ExtendWith(ArquillianExtension.class)
class RoomsIT {

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(RoomsIT.class, Browser.class, Http.class, DatabaseSnapshot.class,
                Push.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @Inject
    ArrivalService arrivals;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private final List<Long> created = new ArrayList<>();

    private Session sessionInRoom(String room, int participants) {
        Session session = sessions.create(new CreateSession("trust", participants, null, room, "", false));
        created.add(session.getId());
        return session;
    }

    /** Rooms are left without the sessions these tests put in them; other tests expect e.g. an empty room. */
    @AfterEach
    void closeRooms() throws Exception {
        tx.begin();
        for (Long id : created) {
            em.createQuery("delete from RoomSession r where r.session.id = :id").setParameter("id", id).executeUpdate();
        }
        tx.commit();
        created.clear();
    }

    /** The participant code in a participant page's path, /p/<code>/... */
    private static String codeOf(Browser.Page page) {
        assertTrue(page.path().startsWith("/p/"), page.status() + " " + page.path() + "\n" + page.html());
        return page.path().split("/")[2];
    }

    private List<Participant> participants(Session session) {
        return sessions.participants(sessions.find(session.getCode()).orElseThrow());
    }

    private Participant byCode(Session session, String code) {
        return participants(session).stream().filter(p -> p.getCode().value().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void labelRoomGivesParticipantsInArrivalOrderAndTheSameLabelTheSameParticipant() {
        Session session = sessionInRoom("qualtrics_study", 4);
        String rosalind = codeOf(new Browser(base).get("/room/qualtrics_study?participant_label=rosalind_f"));
        String albert = codeOf(new Browser(base).get("/room/qualtrics_study?participant_label=albert_e"));
        assertEquals(1, byCode(session, rosalind).getIdInSession(), "the first to arrive is P1");
        assertEquals(2, byCode(session, albert).getIdInSession());
        assertEquals("rosalind_f", byCode(session, rosalind).getLabel().value());
        Browser.Page again = new Browser(base).get("/room/qualtrics_study/?participant_label=rosalind_f");
        assertEquals(rosalind, codeOf(again), "same label, same participant (and a trailing slash is fine)");
        assertEquals(2, participants(session).stream().filter(Participant::isVisited).count());
        long arrivals = (long) em.createQuery("select count(c) from PageCompletion c where c.session = :s"
                + " and c.pageIndex = 0 and c.pageName = 'InitializeParticipant'").setParameter("s",
                sessions.find(session.getCode()).orElseThrow()).getSingleResult();
        assertEquals(2, arrivals, "arrival is recorded once per participant");
    }

    @Test
    void labelRoomAsksForTheLabelAndRefusesUnknownOrMalformedOnesWithoutWriting() {
        sessionInRoom("qualtrics_study", 2);
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        Browser browser = new Browser(base);
        Browser.Page ask = browser.get("/room/qualtrics_study");
        assertEquals(200, ask.status());
        assertTrue(ask.contains("Please enter your participant label."), ask.html());
        Browser.Page unknown = browser.get("/room/qualtrics_study?participant_label=nobody");
        assertEquals(200, unknown.status());
        assertTrue(unknown.contains("This participant label was not found"), unknown.html());
        Browser.Page malformed = browser.get("/room/qualtrics_study?participant_label=" + "x".repeat(101));
        assertEquals(404, malformed.status());
        assertTrue(malformed.contains("participant_label is too long or malformed"), malformed.html());
        Browser.Page noRoom = browser.get("/room/no_such_room");
        assertEquals(404, noRoom.status());
        assertTrue(noRoom.contains("Invalid room specified in url"));
        assertEquals(before, DatabaseSnapshot.take(em));
    }

    @Test
    void varsPostedBeforeArrivalAreMergedInOnArrivalAndTheStoredCopyDeleted() {
        Session session = sessionInRoom("qualtrics_study", 2);
        Http http = new Http(base);
        assertEquals(200, http.post("/api/participant_vars", "{\"room_name\": \"qualtrics_study\","
                + " \"participant_label\": \"marie_c\", \"vars\": {\"age\": 25, \"x\": [3, 6, 9]}}").statusCode());
        assertEquals(200, http.post("/api/participant_vars", "{\"room_name\": \"qualtrics_study\","
                + " \"participant_label\": \"marie_c\", \"vars\": {\"is_male\": false}}").statusCode());
        assertEquals(1L, storedVars("marie_c"));
        String code = codeOf(new Browser(base).get("/room/qualtrics_study?participant_label=marie_c"));
        Participant marie = byCode(session, code);
        assertEquals(25, marie.getVars().getInt("age"));
        assertEquals("[3,6,9]", marie.getVars().get("x").toString());
        assertEquals(false, marie.getVars().getBoolean("is_male"));
        assertEquals(0L, storedVars("marie_c"));
    }

    private long storedVars(String label) {
        return (long) em.createQuery("select count(v) from PendingParticipantVars v"
                + " where v.participantLabel.value = :label").setParameter("label", label).getSingleResult();
    }

    @Test
    void secureRoomNeedsTheLabelsHash() {
        Session session = sessionInRoom("lab_secure", 2);
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        Browser browser = new Browser(base);
        for (String query : List.of("?participant_label=LAB2", "?participant_label=LAB2&hash=00000000",
                "?participant_label=LAB2&hash=" + arrivals.secureUrlHash("LAB3"))) {
            Browser.Page refused = browser.get("/room/lab_secure" + query);
            assertEquals(404, refused.status(), query);
            assertTrue(refused.contains("Invalid hash parameter. use_secure_urls is True, so you must use the"
                    + " participant-specific URL."), refused.html());
        }
        assertEquals(before, DatabaseSnapshot.take(em));
        String hash = arrivals.secureUrlHash("LAB2");
        assertTrue(hash.matches("[0-9a-f]{8}"), hash);
        String lab2 = codeOf(browser.get("/room/lab_secure?participant_label=LAB2&hash=" + hash));
        assertEquals("LAB2", byCode(session, lab2).getLabel().value());
        // as in oTree, a label outside the file passes when its hash is right
        String guest = codeOf(new Browser(base).get("/room/lab_secure?participant_label=GUEST&hash="
                + arrivals.secureUrlHash("GUEST")));
        assertNotEquals(lab2, guest);
    }

    @Test
    void roomWithoutLabelsRecognisesTheBrowserAndSaysWhenTheSessionIsFull() {
        Session session = sessionInRoom("econ101", 2);
        Browser first = new Browser(base);
        String p1 = codeOf(first.get("/room/econ101"));
        assertEquals(p1, codeOf(first.get("/room/econ101")), "the same browser gets the same participant back");
        String p2 = codeOf(new Browser(base).get("/room/econ101"));
        assertNotEquals(p1, p2);
        assertEquals(List.of(1, 2), List.of(byCode(session, p1).getIdInSession(), byCode(session, p2).getIdInSession()));
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        Browser.Page full = new Browser(base).get("/room/econ101");
        assertEquals(404, full.status());
        assertTrue(full.contains("Session is full."), full.html());
        assertEquals(before, DatabaseSnapshot.take(em));
    }

    @Test
    void fiftyVisitorsArrivingAtOnceGetFiftyParticipantsOneToFifty() throws Exception {
        Session session = sessionInRoom("my_room", 50);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> visits = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            visits.add(pool.submit(() -> {
                Browser browser = new Browser(base);
                start.await();
                return codeOf(browser.get("/room/my_room"));
            }));
        }
        start.countDown();
        Set<String> codes = new HashSet<>();
        for (Future<String> visit : visits) {
            codes.add(visit.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(50, codes.size(), "no two visitors share a participant");
        List<Participant> all = participants(session);
        assertTrue(all.stream().allMatch(Participant::isVisited), "ids 1 to 50 are all taken, none skipped");
        Set<Integer> ids = new HashSet<>();
        all.stream().filter(p -> codes.contains(p.getCode().value())).forEach(p -> ids.add(p.getIdInSession()));
        assertEquals(50, ids.size());
        assertEquals(404, new Browser(base).get("/room/my_room").status(), "the 51st finds the session full");
    }

    @Test
    void visitorsWaitUntilTheRoomHasASessionAndArePushedWhenItStarts() throws Exception {
        tx.begin();
        em.createQuery("delete from RoomSession r where r.roomName = 'econ101'").executeUpdate();
        tx.commit();
        Browser visitor = new Browser(base);
        Browser.Page waiting = visitor.get("/room/econ101");
        assertEquals(200, waiting.status());
        assertTrue(waiting.contains("Waiting for your session to begin"), waiting.html());
        assertTrue(waiting.contains("/live/room/econ101/0"), "the page listens for the session");

        CompletableFuture<String> pushed = Push.listen(base, "/live/room/econ101/0");
        Thread.sleep(500);
        assertTrue(!pushed.isDone(), "nothing is pushed before the session exists");
        long created = System.currentTimeMillis();
        sessionInRoom("econ101", 2);
        assertEquals("reload", pushed.get(10, TimeUnit.SECONDS), "pushed when the session starts");
        assertTrue(System.currentTimeMillis() - created < 5000, "without waiting for a fallback reload");
        codeOf(visitor.get("/room/econ101"));
    }

    @Test
    void sessionWideAndSingleUseLinks() {
        Session session = sessions.create(CreateSession.of("trust", 4));
        String join = "/join/" + session.getAnonymousCode();
        Browser browser = new Browser(base);
        String withLabel = codeOf(browser.get(join + "?participant_label=PC07"));
        assertEquals(withLabel, codeOf(new Browser(base).get(join + "?participant_label=PC07")));
        String a = codeOf(browser.get(join));
        String b = codeOf(browser.get(join));
        assertNotEquals(a, b, "without a label every visit of the session-wide link is a new participant");
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        Browser.Page unknown = browser.get("/join/zazazaza");
        assertEquals(404, unknown.status());
        assertTrue(unknown.contains("This link does not work: no session has the code zazazaza."), unknown.html());
        assertEquals(404, browser.get("/InitializeParticipant/zzzzzzzz").status());
        assertEquals(before, DatabaseSnapshot.take(em));

        Participant p4 = participants(session).get(3);
        assertNull(p4.getLabel());
        String p4code = p4.getCode().value();
        Browser.Page first = browser.get("/InitializeParticipant/" + p4code + "?participant_label=desk_4");
        assertEquals("trust/1/Introduction/1", first.marker());
        assertEquals(p4code, codeOf(browser.get("/InitializeParticipant/" + p4code)));
        assertEquals("desk_4", byCode(session, p4code).getLabel().value());
        assertEquals(404, browser.get(join).status(), "all four are taken");
    }
}
