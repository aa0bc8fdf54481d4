package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Chat between participants ({@code <arbor:chat/>}) on the sample app {@code meeting}, over HTTP as the page's
 * script talks to the server: two of a group chat live, a participant of another group sees nothing, bad input
 * is refused with nothing stored, and {@code /chat_export} has the rows.
 */
@ExtendWith(ArquillianExtension.class)
class ChatIT {
    private static final Pattern TICKET = Pattern.compile("data-chat-ticket=\"([^\"]*)\"");
    private static final Pattern LIVE = Pattern.compile("data-chat-live=\"([^\"]*)\"");

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(ChatIT.class, Browser.class, Push.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    SessionService sessions;

    @Inject
    BotRunner bots;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    /** A participant's browser on the Discuss page, with what the page's chat carries. */
    private record Member(Browser browser, Browser.Page page, String code, String ticket, String liveKey) {
    }

    private Member open(Participant participant) {
        Browser browser = new Browser(base);
        String code = participant.getCode().value();
        Browser.Page page = browser.get("/InitializeParticipant/" + code);
        assertEquals("meeting/1/Discuss/1", page.marker(), page.html());
        assertTrue(page.contains("class=\"arbor-group-chat\""), page.html());
        return new Member(browser, page, code, find(TICKET, page.html()), find(LIVE, page.html()));
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertTrue(m.find(), pattern + " in " + html);
        return m.group(1);
    }

    private static Browser.Page post(Member member, String ticket, String body) {
        return member.browser().post("/chat/channel", Map.of("ticket", ticket, "body", body));
    }

    private static JsonArray messages(Browser.Page answer) {
        JsonObject json = Json.createReader(new StringReader(answer.html())).readObject();
        return json.getJsonArray("messages");
    }

    private static JsonArray read(Member member) {
        Browser.Page answer = member.browser().get("/chat/channel?ticket="
                + URLEncoder.encode(member.ticket(), StandardCharsets.UTF_8));
        assertEquals(200, answer.status(), answer.html());
        return messages(answer);
    }

    private static String message(Browser.Page answer) {
        return Json.createReader(new StringReader(answer.html())).readObject().getString("message");
    }

    private long stored(Session session) {
        return em.createQuery("select count(m) from ChatMessage m where m.session.id = :id", Long.class)
                .setParameter("id", session.getId()).getSingleResult();
    }

    @Test
    void twoOfAGroupChatLiveAndAnotherGroupSeesNothing() throws Exception {
        Session session = sessions.create(CreateSession.of("meeting", 4));
        String sessionCode = session.getCode().value();
        List<Participant> participants = sessions.participants(session);
        Member a = open(participants.get(0));
        Member b = open(participants.get(1));
        Member c = open(participants.get(2)); // P3: the second group
        assertEquals(a.liveKey(), b.liveKey(), "one group, one push channel");
        assertNotEquals(a.liveKey(), c.liveKey());

        CompletableFuture<String> bTold = Push.listen(base, "/live/channel/" + b.liveKey() + "/0");
        CompletableFuture<String> cTold = Push.listen(base, "/live/channel/" + c.liveKey() + "/0");
        CompletableFuture<String> monitorTold = Push.listen(base, "/live/monitor/" + sessionCode + "/0");
        Thread.sleep(300); // the server registers the sockets as they open

        String html = "<script>alert('x')</script>, hi";
        Browser.Page sent = post(a, a.ticket(), html);
        assertEquals(201, sent.status(), sent.html());
        JsonObject mine = messages(sent).getJsonObject(0);
        assertEquals("Participant 1", mine.getString("nickname"));
        assertTrue(mine.getBoolean("mine"));
        assertEquals("refresh", bTold.get(5, TimeUnit.SECONDS), "B's open page is told at once");
        assertEquals("refresh", monitorTold.get(5, TimeUnit.SECONDS), "the session's monitor too");

        JsonArray seenByB = read(b);
        assertEquals(1, seenByB.size(), seenByB.toString());
        assertEquals(html, seenByB.getJsonObject(0).getString("body"), "the body as written, in JSON");
        assertEquals("Participant 1", seenByB.getJsonObject(0).getString("nickname"));
        assertFalse(seenByB.getJsonObject(0).getBoolean("mine"));
        assertEquals(0, read(c).size(), "another group's channel is empty");
        Thread.sleep(500);
        assertFalse(cTold.isDone(), "another group's page is not told");

        // a nickname from the browser is ignored: the ticket's is used
        Browser.Page reply = b.browser().post("/chat/channel",
                Map.of("ticket", b.ticket(), "body", "Yes, North.", "nickname", "Participant 1"));
        assertEquals(201, reply.status(), reply.html());
        JsonArray both = messages(reply);
        assertEquals(2, both.size());
        assertEquals("Participant 2", both.getJsonObject(1).getString("nickname"));
        assertTrue(both.getJsonObject(1).getBoolean("mine"));
        assertFalse(both.getJsonObject(0).getBoolean("mine"));

        // kept across page loads: the reloaded page's ticket reads the same channel
        Browser.Page reloaded = a.browser().get(a.page().path());
        Member again = new Member(a.browser(), reloaded, a.code(), find(TICKET, reloaded.html()), a.liveKey());
        assertEquals(2, read(again).size());
        assertFalse(reloaded.contains("<script>alert"), "messages are never written into the page's HTML");

        long before = stored(session);
        // P3 cannot reach the first group: a ticket with A's channel but P3's signature, or no ticket at all
        String[] parts = c.ticket().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replace("group2", "group1");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        Browser.Page refused = post(c, forged, "let me in");
        assertEquals(403, refused.status(), refused.html());
        assertEquals("This chat is not valid: reload the page.", message(refused));
        assertEquals(403, c.browser().post("/chat/channel", Map.of("body", "no ticket")).status());
        assertEquals(403, c.browser().get("/chat/channel?ticket=" + URLEncoder.encode(forged,
                StandardCharsets.UTF_8)).status(), "nor read it");

        // too long: refused with a clear message, nothing stored
        Browser.Page tooLong = post(a, a.ticket(), "x".repeat(2001));
        assertEquals(400, tooLong.status(), tooLong.html());
        assertEquals("The message is too long (at most 2000 characters).", message(tooLong));
        Browser.Page empty = post(a, a.ticket(), "   ");
        assertEquals(400, empty.status());
        assertEquals("The message is empty.", message(empty));
        assertEquals(before, stored(session));

        // too fast: at most 5 of A's messages within 10 s (A's first may already be older on a slow machine)
        int accepted = 0;
        Browser.Page tooFast = null;
        for (int i = 2; i <= 7 && tooFast == null; i++) {
            Browser.Page answer = post(a, a.ticket(), "message " + i);
            if (answer.status() == 201) {
                accepted++;
            } else {
                tooFast = answer;
            }
        }
        assertTrue(tooFast != null && accepted <= 5 && accepted >= 4, accepted + " accepted");
        assertEquals(429, tooFast.status(), tooFast.html());
        assertTrue(message(tooFast).startsWith("You are sending messages too fast (at most 5 in 10 seconds)."),
                message(tooFast));
        assertEquals(before + accepted, stored(session));
        assertEquals(201, post(b, b.ticket(), "B is not limited by A").status(), "the limit is per participant");

        // /chat_export: oTree's columns, the participants' rows with their ids and codes, HTML CSV-quoted
        Browser.Page export = a.browser().get("/chat_export");
        assertEquals(200, export.status(), export.html());
        String[] lines = export.html().split("\r\n");
        assertEquals("session_code,id_in_session,participant_code,channel,nickname,body,timestamp", lines[0]);
        String channel = sessionCode + "-meeting-round1.group1";
        List<String> rows = java.util.Arrays.stream(lines).filter(l -> l.startsWith(sessionCode + ",")).toList();
        assertEquals(3 + accepted, rows.size(), String.join("\n", rows));
        assertTrue(rows.get(0).startsWith(sessionCode + ",1," + a.code() + "," + channel
                + ",Participant 1,\"<script>alert('x')</script>, hi\","), rows.get(0));
        assertTrue(rows.get(1).startsWith(sessionCode + ",2," + b.code() + "," + channel
                + ",Participant 2,\"Yes, North.\","), rows.get(1));
        assertTrue(rows.get(0).matches(".*,\\d{10}\\.\\d{3}$"), rows.get(0));
        assertTrue(rows.stream().noneMatch(r -> r.contains("group2") || r.contains("let me in")));
        // the monitor shows the participants' chats read-only, the HTML as text
        Browser.Page monitor = new Browser(base).get("/SessionMonitor/" + sessionCode);
        assertEquals(200, monitor.status(), monitor.html());
        assertTrue(monitor.contains("id=\"participant-chats\""), monitor.html());
        assertTrue(monitor.contains("<code>" + channel + "</code>"), monitor.html());
        assertTrue(monitor.contains("&lt;script&gt;alert("), monitor.html());
        assertFalse(monitor.contains("<script>alert("), "escaped on the monitor");
        assertFalse(monitor.contains("let me in"));
        java.net.http.HttpResponse<String> download = a.browser().raw("/chat_export");
        assertEquals("attachment; filename=\"ChatMessages-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                download.headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void theSampleAppsBotsChatOverHttpAndMeet() throws Exception {
        String code = bots.createBotSession("meeting", 4);
        BotReport report = bots.run(code, base.toURI(), Duration.ofMinutes(3));
        assertTrue(report.passed(), report.failures().toString());
        Session session = sessions.find(new SessionCode(code)).orElseThrow();
        for (Participant p : sessions.participants(session)) {
            assertEquals(0, BigDecimal.TEN.compareTo(p.getPayoff()), "P" + p.getIdInSession());
        }
        // the bots write at the same time: in any order
        List<String> rows = em.createQuery("select m.channel, m.participant.idInSession, m.nickname, m.body"
                + " from ChatMessage m where m.session.id = :id", Object[].class).setParameter("id", session.getId())
                .getResultList().stream().map(r -> r[0] + " | P" + r[1] + " | " + r[2] + " | " + r[3]).sorted().toList();
        assertEquals(List.of(
                code + "-meeting-everyone | P1 | Traveller 1 | We met.",
                code + "-meeting-everyone | P2 | Traveller 2 | We met.",
                code + "-meeting-everyone | P3 | Traveller 3 | We met.",
                code + "-meeting-everyone | P4 | Traveller 4 | We met.",
                code + "-meeting-round1.group1 | P1 | Participant 1 | Shall we meet at North?",
                code + "-meeting-round1.group1 | P2 | Participant 2 | Yes, North <b>it is</b>.",
                code + "-meeting-round1.group2 | P3 | Participant 1 | Shall we meet at North?",
                code + "-meeting-round1.group2 | P4 | Participant 2 | Yes, North <b>it is</b>."), rows);
    }
}
