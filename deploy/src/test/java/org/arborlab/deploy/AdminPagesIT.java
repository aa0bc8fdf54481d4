package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
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
 * The admin pages over HTTP against the real WAR (the auth level is unset: everything is open, with the warning
 * banner). Runs inside the server to set up sessions and play them with bots, and to read the database.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {
    private static final String[] TABS = {"SessionStartLinks", "SessionMonitor", "SessionData", "SessionPayments",
        "AdminReport", "SessionDescription", "SessionEditProperties"};

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(AdminPagesIT.class, Browser.class, Push.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @Inject
    BotRunner bots;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    private final Map<Browser, String> tokens = new java.util.IdentityHashMap<>();

    /** A browser that opened the admin first, as a user does: its forms carry the login's CSRF token. */
    private Browser admin() {
        Browser browser = new Browser(base);
        browser.get("/sessions");
        return browser;
    }

    /** The CSRF token of this browser's login, as the admin forms carry it (field csrftoken). */
    private String token(Browser browser) {
        return tokens.computeIfAbsent(browser, b -> {
            Matcher m = Pattern.compile("name=\"csrftoken\" value=\"([^\"]+)\"").matcher(b.get("/sessions").html());
            assertTrue(m.find(), "the sessions page's form carries a CSRF token");
            return m.group(1);
        });
    }

    /** Posts an admin form as the page does, with the CSRF token. */
    private Browser.Page post(Browser browser, String path, Map<String, String> form) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(form);
        withToken.put("csrftoken", token(browser));
        return browser.post(path, withToken);
    }

    private Browser.Page postPairs(Browser browser, String path, List<Map.Entry<String, String>> form) {
        List<Map.Entry<String, String>> withToken = new java.util.ArrayList<>(form);
        withToken.add(Map.entry("csrftoken", token(browser)));
        return browser.postPairs(path, withToken);
    }

    /** The text of the element with this id (up to its first child tag), trimmed. */
    private static String byId(Browser.Page page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)").matcher(page.html());
        assertTrue(m.find(), "no element #" + id + " in " + page.path() + ":\n" + page.html());
        return m.group(1).strip();
    }

    private static void assertPage(Browser.Page page, int status, String... texts) {
        assertEquals(status, page.status(), page.path() + "\n" + page.html());
        for (String text : texts) {
            assertTrue(page.contains(text), page.path() + " lacks \"" + text + "\":\n" + page.html());
        }
        assertFalse(page.contains("#{"), "Faces rendered " + page.path());
        assertFalse(page.html().contains("Exception") || page.html().contains("at org."), "no stack trace");
    }

    private long count(String entity) {
        return em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult();
    }

    private Session session(String code) {
        return sessions.find(new SessionCode(code)).orElseThrow();
    }

    private String codeOf(Browser.Page links) {
        Matcher m = Pattern.compile("/SessionStartLinks/([a-z0-9]{8})").matcher(links.path());
        assertTrue(m.find(), links.path());
        return m.group(1);
    }

    private void play(String code) throws Exception {
        BotReport report = bots.run(code, base.toURI(), Duration.ofMinutes(2));
        assertTrue(report.passed(), report.failures().toString());
    }

    @Test
    void everyPageAnswersWithItsContentAndAnUnknownSessionIsNotFound() {
        Browser browser = admin();
        assertPage(browser.get("/"), 200, "Trust game", "action=\"/demo/trust\"", "No password protection", ">Sessions</a>",
                ">Rooms</a>", "/export", ">Server Check</a>");
        assertPage(browser.get("/demo"), 200, "Public goods game (3 players, 3 rounds)");
        assertPage(browser.get("/demo/"), 200, "Timed quiz, then a survey");
        assertPage(browser.get("/sessions"), 200, "Create new session", "Archived sessions");
        assertPage(browser.get("/sessions?archived=1"), 200, "Back to sessions");
        assertPage(browser.get("/create_session"), 200, "name=\"session_config\"", "name=\"num_participants\"",
                "name=\"trust.num_apples\"", "name=\"public_goods.multiplier\"", "name=\"survey.mock_exogenous_data\"",
                "name=\"room_name\"");
        Browser.Page rooms = browser.get("/rooms");
        assertPage(rooms, 200, "Econ 101 class", "Lab (secure URLs)", "<code>econ101</code>");
        // other tests on this server may have opened a session in the room
        assertTrue(rooms.html().matches("(?s).*/room_with(out)?_session/econ101\".*"), rooms.html());
        Browser.Page room = browser.get("/room_without_session/lab_secure");
        assertPage(room, 200, "id=\"secure-room-note\"", "/room/lab_secure?participant_label=", "hash=", "No session yet");
        assertTrue(!room.contains("Room-wide URL"), "a secure room shows no room-wide URL (it would answer 404)");
        assertPage(browser.get("/server_check"), 200, "Debug mode", "Off: OTREE_AUTH_LEVEL is not set",
                System.getenv("DATABASE_URL") == null || System.getenv("DATABASE_URL").isEmpty() ? "H2" : "MariaDB");

        // a demo session: a GET of its config's URL creates nothing; the button (a POST) does, then its links
        assertPage(browser.get("/demo/public_goods"), 200, "id=\"create-demo-public_goods\"");
        Browser.Page links = post(browser, "/demo/public_goods", Map.of());
        assertPage(links, 200, "/join/", "/InitializeParticipant/", "demo");
        String code = codeOf(links);
        assertEquals(3, session(code).getNumParticipants());
        assertTrue(session(code).isDemo());
        assertPage(browser.get("/SessionMonitor/" + code), 200, "0/3</strong> participants started",
                "Advance slowest participants", "data-live=\"/live/monitor/" + code + "/0\"");
        assertPage(browser.get("/SessionData/" + code), 200, "public_goods, round 1", "public_goods, round 3",
                "player.contribution", "group.totalContribution", "subsession.multiplier");
        assertPage(browser.get("/SessionPayments/" + code), 200, "Participation fee", "$5.00", "Total payments");
        assertPage(browser.get("/AdminReport/" + code), 200, "public_goods (3 rounds)", "<svg");
        assertPage(browser.get("/SessionDescription/" + code), 200, "public_goods (3 rounds)",
                "Public goods game: each of 3 players");
        assertPage(browser.get("/SessionEditProperties/" + code + "/"), 200, "participation_fee");
        assertPage(browser.get("/SessionStartLinks/" + code), 200, "id=\"new-demo-session\"");
        assertPage(browser.get("/demo"), 200, "id=\"demo-sessions\"", code);

        for (String tab : TABS) {
            Browser.Page missing = browser.get("/" + tab + "/zzzzzzzz");
            assertPage(missing, 404, "There is no session with the code zzzzzzzz.");
            assertPage(browser.get("/" + tab + "/not-a-code!"), 404, "There is no session");
            assertPage(browser.get("/" + tab), 404, "This page does not exist.");
        }
        assertPage(browser.get("/demo/nope"), 404, "Session config", "nope", "does not exist.");
        assertPage(browser.get("/room_with_session/nope"), 404, "Room nope not found");
        assertPage(browser.get("/admin/sessions.xhtml"), 404, "This page does not exist.");
        assertPage(browser.get("/sessions/extra"), 404, "This page does not exist.");
    }

    @Test
    void createSessionShowsErrorsOnTheFormAndCreatesNothingUntilTheyAreFixed() {
        Browser browser = admin();
        long before = count("Session");
        long participants = count("Participant");
        Object[][] bad = {
            {Map.of("session_config", "trust", "num_participants", "3"), "not a multiple of group size (2)"},
            {Map.of("session_config", "trust", "num_participants", ""), "This field is required."},
            {Map.of("session_config", "trust", "num_participants", "0"), "Ensure this value is greater than or equal to 1."},
            {Map.of("session_config", "trust", "num_participants", "two"), "Please enter a valid number of participants."},
            {Map.of("session_config", "nope", "num_participants", "2"), "Not a valid choice"},
            {Map.of("session_config", "trust", "num_participants", "2", "trust.num_apples", "many"), "Not a valid number"},
            {Map.of("session_config", "trust", "num_participants", "2", "trust.participation_fee", "-1"),
                "This value must be at least 0."},
            {Map.of("session_config", "trust", "num_participants", "100000"),
                "A session can have at most 10000 participants."},
            {Map.of("session_config", "trust", "num_participants", "2", "room_name", "nowhere"), "Not a valid choice"},
        };
        for (Object[] attempt : bad) {
            @SuppressWarnings("unchecked")
            Browser.Page page = post(browser, "/create_session", (Map<String, String>) attempt[0]);
            assertPage(page, 200, (String) attempt[1], "The session was not created");
            assertFalse(page.contains("got ") || page.contains("modified_session_config_fields"), page.html());
            assertEquals("/create_session", page.path(), "the form stays where it is");
        }
        // typed values are shown again
        Browser.Page again = post(browser, "/create_session", Map.of("session_config", "trust", "num_participants",
                "3", "trust.num_apples", "42", "label", "keep me"));
        assertTrue(again.contains("value=\"42\"") && again.contains("value=\"keep me\""), again.html());
        assertEquals(before, count("Session"), "no session was created");
        assertEquals(participants, count("Participant"));

        Browser.Page links = post(browser, "/create_session", Map.of("session_config", "trust", "num_participants",
                "4", "trust.num_apples", "7.9", "label", "<script>alert(1)</script>"));
        assertPage(links, 200, "Single-use links", "/InitializeParticipant/");
        Session created = session(codeOf(links));
        assertEquals(4, created.getNumParticipants());
        assertEquals(7, created.getConfig().getInt("num_apples"), "a whole-number field takes int(float(x))");
        assertEquals("<script>alert(1)</script>", created.getLabel());
        assertFalse(created.isDemo());
        Browser.Page list = browser.get("/sessions");
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "labels are escaped");
        assertFalse(list.contains("<script>alert(1)"), list.html());
        assertTrue(list.contains("/SessionStartLinks/" + created.getCode().value()));
        assertTrue(list.contains("just now"), "a session created a moment ago");
    }

    @Test
    void editPropertiesSavesValidDecimalsAndNothingOnABadOne() {
        Session session = sessions.create(CreateSession.of("trust", 2));
        String code = session.getCode().value();
        Browser browser = admin();
        Browser.Page bad = post(browser, "/SessionEditProperties/" + code, Map.of("label", "changed", "comment", "c",
                "participation_fee", "3,14", "real_world_currency_per_point", "0.0314"));
        assertPage(bad, 200, "Not a valid decimal value", "Nothing was saved");
        assertEquals("Not a valid decimal value", byId(bad, "error-participation_fee"));
        assertEquals("", session(code).getLabel(), "nothing saved");
        Browser.Page bad2 = post(browser, "/SessionEditProperties/" + code, Map.of("label", "changed",
                "participation_fee", "1", "real_world_currency_per_point", "-2"));
        assertEquals("Not a valid decimal value", byId(bad2, "error-real_world_currency_per_point"));

        Browser.Page forged = browser.post("/SessionEditProperties/" + code, Map.of("label", "forged",
                "participation_fee", "1", "real_world_currency_per_point", "1"));
        assertEquals(403, forged.status(), "a post without the form's CSRF token is refused");
        assertEquals("", session(code).getLabel());

        Browser.Page saved = post(browser, "/SessionEditProperties/" + code, Map.of("label", "Tuesday lab",
                "comment", "pilot", "participation_fee", "3.14", "real_world_currency_per_point", "0.0314"));
        assertPage(saved, 200, "Properties have been updated", "value=\"Tuesday lab\"", "value=\"3.14\"");
        Session after = session(code);
        assertEquals("Tuesday lab", after.getLabel());
        assertEquals("pilot", after.getComment());
        assertEquals(0, new BigDecimal("3.14").compareTo(after.getConfig().getJsonNumber("participation_fee")
                .bigDecimalValue()));
        assertEquals(0, new BigDecimal("0.0314").compareTo(after.getConfig()
                .getJsonNumber("real_world_currency_per_point").bigDecimalValue()));
        assertPage(browser.get("/SessionPayments/" + code), 200, "$3.14");
        assertPage(browser.get("/SessionDescription/" + code), 200, "pilot");
    }

    @Test
    void archiveUnarchiveAndDeleteAfterConfirmationRemovesEveryRow() throws Exception {
        String kept = sessions.create(CreateSession.of("trust", 2)).getCode().value();
        String gone = bots.createBotSession("public_goods", 3);
        play(gone);
        Browser browser = admin();

        Browser.Page archived = postPairs(browser, "/sessions", List.of(Map.entry("op", "archive"),
                Map.entry("session", kept)));
        assertPage(archived, 200, "1 session moved to the archive.");
        assertFalse(archived.contains("value=\"" + kept + "\""), "no longer in the list");
        assertTrue(session(kept).isArchived());
        assertTrue(browser.get("/sessions?archived=1").contains("value=\"" + kept + "\""));
        Browser.Page back = postPairs(browser, "/sessions?archived=1", List.of(Map.entry("op", "unarchive"),
                Map.entry("session", kept)));
        assertPage(back, 200, "1 session moved out of the archive.");
        assertFalse(session(kept).isArchived());

        postPairs(browser, "/ToggleArchivedSessions", List.of(Map.entry("session", kept)));
        assertTrue(session(kept).isArchived(), "oTree's /ToggleArchivedSessions");
        postPairs(browser, "/ToggleArchivedSessions", List.of(Map.entry("session", kept)));
        assertFalse(session(kept).isArchived());

        Browser.Page nothing = postPairs(browser, "/sessions", List.of(Map.entry("op", "ask-delete")));
        assertPage(nothing, 200, "Select at least one session.");
        Browser.Page confirm = postPairs(browser, "/sessions", List.of(Map.entry("op", "ask-delete"),
                Map.entry("session", gone)));
        assertPage(confirm, 200, "Delete 1 session(s)?", "Yes, delete",
                "<input type=\"hidden\" name=\"session\" value=\"" + gone + "\"");
        long id = session(gone).getId();
        assertTrue(rowsOf(id) > 20, "the played session has rows everywhere");

        Browser.Page unknown = postPairs(browser, "/sessions", List.of(Map.entry("op", "delete"),
                Map.entry("session", gone), Map.entry("session", "zzzzzzzz")));
        assertPage(unknown, 200, "Not found: Session, {'code': 'zzzzzzzz'}");
        assertTrue(sessions.find(new SessionCode(gone)).isPresent(), "an unknown code deletes nothing");

        Browser.Page deleted = postPairs(browser, "/sessions", List.of(Map.entry("op", "delete"),
                Map.entry("session", gone)));
        assertPage(deleted, 200, "1 session deleted.");
        assertTrue(sessions.find(new SessionCode(gone)).isEmpty());
        assertEquals(0, rowsOf(id), "participants, players, groups, subsessions and page times are gone");
        assertEquals(404, browser.get("/SessionMonitor/" + gone).status());
        assertTrue(sessions.find(new SessionCode(kept)).isPresent(), "the other session is untouched");
    }

    private long rowsOf(long sessionId) {
        long rows = 0;
        for (String entity : List.of("Participant", "Subsession", "PlayerGroup", "Player", "PageCompletion",
                "RoomSession")) {
            rows += em.createQuery("select count(x) from " + entity + " x where x.session.id = :id", Long.class)
                    .setParameter("id", sessionId).getSingleResult();
        }
        return rows;
    }

    /**
     * Trust, 4 bots: A sends 4, B sends back 5, so A has 11 points and B 7. With 0.50 per point and a 2.50 fee:
     * A 5.50 + 2.50 = 8.00, B 3.50 + 2.50 = 6.00; total 2 × 8.00 + 2 × 6.00 = 28.00, mean 7.00.
     */
    @Test
    void paymentsOfABotPlayedTrustSessionMatchTheHandComputedFigures() throws Exception {
        String code = bots.createBotSession("trust", 4);
        Browser browser = admin();
        post(browser, "/SessionEditProperties/" + code, Map.of("label", "paid", "participation_fee", "2.50",
                "real_world_currency_per_point", "0.5"));
        play(code);
        Browser.Page payments = browser.get("/SessionPayments/" + code);
        assertPage(payments, 200, "Finished");
        assertEquals("$2.50", byId(payments, "participation-fee"));
        assertEquals("$28.00", byId(payments, "total-payments"));
        assertEquals("$7.00", byId(payments, "mean-payment"));
        String[][] expected = {{"$5.50", "$8.00"}, {"$3.50", "$6.00"}, {"$5.50", "$8.00"}, {"$3.50", "$6.00"}};
        List<Participant> participants = sessions.participants(session(code));
        for (int i = 0; i < 4; i++) {
            Matcher row = Pattern.compile("<tr id=\"pay-P" + (i + 1) + "\">(.*?)</tr>", Pattern.DOTALL)
                    .matcher(payments.html());
            assertTrue(row.find());
            String cells = row.group(1);
            assertTrue(cells.contains(participants.get(i).getCode().value()), cells);
            assertTrue(cells.contains("<td class=\"finished\">Yes</td>"), cells);
            assertTrue(cells.contains("<td class=\"num payoff\">" + expected[i][0] + "</td>"), cells);
            assertTrue(cells.contains("<td class=\"num total\">" + expected[i][1] + "</td>"), cells);
            assertTrue(cells.contains("6/6"), "progress: " + cells);
        }
        Browser.Page data = browser.get("/SessionData/" + code);
        assertPage(data, 200, "group.sentAmount", "<td>4</td>", "<td>5</td>", "<td>11</td>");
    }

    /** Public goods, 3 bots: contributions 10+20+30 = 60 in round 1, 0+50+100 = 150 in round 2, 300 in round 3. */
    @Test
    void reportOfTwoRoundsAndTheDefaultLastRound() throws Exception {
        String code = bots.createBotSession("public_goods", 3);
        play(code);
        Browser browser = admin();
        Browser.Page round1 = browser.get("/AdminReport/" + code + "?app_name=public_goods&round_number=1");
        assertPage(round1, 200, "<svg", "<title>P1: 10</title>", "<title>P3: 30</title>");
        assertEquals("1", byId(round1, "report-round"));
        assertEquals("60 points", byId(round1, "report-total"));
        assertEquals("20 points", byId(round1, "report-mean"));
        Browser.Page round2 = browser.get("/AdminReport/" + code + "?app_name=public_goods&round_number=2");
        assertEquals("2", byId(round2, "report-round"));
        assertEquals("150 points", byId(round2, "report-total"));
        assertTrue(round2.contains("<title>P2: 50</title>") && round2.contains("height=\"100\""), "tallest bar");
        assertEquals("3", byId(browser.get("/AdminReport/" + code), "report-round"), "the last round by default");
        assertEquals("3", byId(browser.get("/AdminReport/" + code + "?round_number=99"), "report-round"));
        assertEquals("300 points", byId(browser.get("/AdminReport/" + code + "?round_number=x"), "report-total"));
        Browser.Page unknownApp = browser.get("/AdminReport/" + code + "?app_name=trust");
        assertPage(unknownApp, 200, "trust", "of this session has no admin report.");

        Browser.Page noReport = browser.get("/SessionStartLinks/" + bots.createBotSession("trust", 2));
        assertFalse(noReport.contains("/AdminReport/"), "no Report tab without a report app");
    }

    /**
     * Trust with 2 participants advanced by the admin only: the button leaves participants who never opened
     * their link alone, oTree's script endpoint starts them; then both time out on the
     * introduction (A goes to Send, B, who does not send, waits for A); then A times out on Send (sends 0) and
     * the wait page releases B. The monitor is told about each step over its WebSocket.
     */
    @Test
    void monitorShowsProgressAndAdvanceSlowestTimesOutTheLastParticipants() throws Exception {
        String code = sessions.create(CreateSession.of("trust", 2)).getCode().value();
        Browser browser = admin();
        Browser.Page monitor = browser.get("/SessionMonitor/" + code);
        assertEquals("0/2", byId(monitor, "started-count"));

        CompletableFuture<String> pushed = Push.listen(base, "/live/monitor/" + code + "/0");
        Thread.sleep(300); // the server registers the socket just after the handshake
        monitor = post(browser, "/SessionMonitor/" + code, Map.of("op", "advance"));
        assertPage(monitor, 200, "Nobody was moved on");
        assertEquals("0/2", byId(monitor, "started-count"));
        assertEquals("ok", post(browser, "/AdvanceSession/" + code, Map.of()).html());
        monitor = browser.get("/SessionMonitor/" + code);
        assertEquals("refresh", pushed.get(10, TimeUnit.SECONDS));
        assertEquals("2/2", byId(monitor, "started-count"));
        assertTrue(monitor.html().replaceAll(">\\s+<", "><").contains("<td class=\"page\">Introduction</td>"));

        monitor = post(browser, "/SessionMonitor/" + code, Map.of("op", "advance"));
        assertPage(monitor, 200, "Advanced P1, P2 by one page.");
        String table = monitor.html().replaceAll(">\\s+<", "><");
        assertTrue(table.contains("<td class=\"page\">Send</td>"), table);
        assertTrue(table.contains("<td class=\"page\">SendBackWaitPage</td><td>P1</td>"), "B waits for P1: " + table);

        monitor = post(browser, "/SessionMonitor/" + code, Map.of("op", "advance"));
        assertPage(monitor, 200, "Advanced P1 by one page.");
        table = monitor.html().replaceAll(">\\s+<", "><");
        assertTrue(table.contains("<td class=\"page\">SendBack</td>"), "the wait page released B: " + table);
        assertTrue(table.contains("<td class=\"page\">ResultsWaitPage</td><td>P2</td>"), table);
        List<Participant> participants = sessions.participants(session(code));
        assertEquals(List.of(5, 4), participants.stream().map(Participant::getIndexInPages).toList());

        // oTree's endpoint for scripts: POST /AdvanceSession/<code> answers "ok"
        String other = sessions.create(CreateSession.of("trust", 2)).getCode().value();
        Browser.Page ok = post(browser, "/AdvanceSession/" + other, Map.of());
        assertEquals(200, ok.status());
        assertEquals("ok", ok.html());
        assertEquals(List.of(1, 1), sessions.participants(session(other)).stream().map(Participant::getIndexInPages)
                .toList());
        assertEquals(404, post(browser, "/AdvanceSession/zzzzzzzz", Map.of()).status());
    }

    @Test
    void roomPageShowsWhoWaitsAndClosingTheRoomUnbindsItsSession() throws Exception {
        Browser browser = admin();
        CompletableFuture<String> adminPush = Push.listen(base, "/admin/live/room/my_room");
        CompletableFuture<String> roomsPush = Push.listen(base, "/admin/live/rooms/all");
        Thread.sleep(300); // the server registers the socket just after the handshake
        CompletableFuture<String> visitor = Push.listen(base, "/live/room/my_room/0?label=alice");
        assertEquals("refresh", adminPush.get(10, TimeUnit.SECONDS), "the room page hears of the visitor");
        assertEquals("refresh", roomsPush.get(10, TimeUnit.SECONDS), "and so does the rooms list");
        Browser.Page room = browser.get("/room_without_session/my_room");
        assertEquals("1", byId(room, "present-count"));
        assertTrue(room.contains("<li>alice</li>"), room.html());
        assertPage(browser.get("/rooms"), 200, "My room");

        Browser.Page links = post(browser, "/create_session", Map.of("session_config", "trust", "num_participants",
                "2", "room_name", "my_room"));
        String code = codeOf(links);
        assertPage(links, 200, "Room-wide URL", "/room/my_room");
        assertEquals("reload", visitor.get(10, TimeUnit.SECONDS), "the waiting visitor is let in");
        HttpResponse<String> redirect = browser.raw("/room_without_session/my_room");
        assertEquals(303, redirect.statusCode());
        assertTrue(redirect.headers().firstValue("Location").orElse("").endsWith("/room_with_session/my_room"));
        Browser.Page withSession = browser.get("/room_with_session/my_room");
        assertEquals(code, byId(withSession, "room-session-code"));

        // a second session in the room is refused on the form unless "Replace it" is ticked
        Browser.Page refused = post(browser, "/create_session", Map.of("session_config", "trust", "num_participants",
                "2", "room_name", "my_room"));
        assertPage(refused, 200, "already has session " + code, "id=\"replace_room_session\"");
        assertEquals(code, byId(browser.get("/room_with_session/my_room"), "room-session-code"), "unchanged");
        Browser.Page replaced = post(browser, "/create_session", Map.of("session_config", "trust", "num_participants",
                "2", "room_name", "my_room", "replace_room_session", "on"));
        code = codeOf(replaced);
        assertEquals(code, byId(browser.get("/room_with_session/my_room"), "room-session-code"));

        Browser.Page closed = post(browser, "/room_with_session/my_room", Map.of("op", "close"));
        assertPage(closed, 200, "The room was closed", "No session yet");
        assertEquals("/room_without_session/my_room?closed=1", closed.path());
        assertTrue(sessions.sessionInRoom(new org.arborlab.entity.RoomName("my_room")).isEmpty());
        assertTrue(sessions.find(new SessionCode(code)).isPresent(), "the session itself stays");
    }
}
