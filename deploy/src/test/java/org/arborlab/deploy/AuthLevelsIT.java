package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OTREE_AUTH_LEVEL on a real server started by deploy/run: under STUDY a crawl of every admin URL (pages,
 * exports, admin push channels, their Faces views) without login reaches none, while participants' pages and
 * push channels stay public; the password login with its throttle; CSRF refusals; the audit log and API tokens
 * pages; escaping. Under DEMO oTree's public pages answer and the others ask for a login. (Unset: every other
 * integration test runs on an open server.) Two server boots in all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthLevelsIT {
    static final String PASSWORD = "s3cret-pw";
    static final String REST_KEY = "rest-k3y";
    static final String ROOM = "econ101";
    static final String XSS = "<script>alert('x')</script>";

    private static DeployRun study;
    private static String code;
    private static String participant;

    @BeforeAll
    static void startUnderStudy() throws Exception {
        study = DeployRun.start(Files.createTempDirectory(Path.of("target"), "auth-study-"), env("STUDY"));
        JsonObject created = createSession(study, XSS);
        code = created.getString("code");
        HttpResponse<String> detail = new Http(study.url()).send("GET", "/api/sessions/" + code, null, null,
                "otree-rest-key", REST_KEY);
        participant = Json.createReader(new StringReader(detail.body())).readObject().getJsonArray("participants")
                .getJsonObject(0).getString("code");
    }

    @AfterAll
    static void stop() throws Exception {
        if (study != null) {
            study.close();
        }
    }

    static Map<String, String> env(String level) {
        Map<String, String> env = new HashMap<>();
        env.put("OTREE_AUTH_LEVEL", level);
        env.put("OTREE_ADMIN_PASSWORD", PASSWORD);
        env.put("OTREE_REST_KEY", REST_KEY);
        env.put("ARBOR_LOGIN_LOCKOUT_SECONDS", "2");
        return env;
    }

    static JsonObject createSession(DeployRun server, String label) throws Exception {
        HttpResponse<String> created = new Http(server.url()).send("POST", "/api/sessions", "application/json",
                Json.createObjectBuilder().add("session_config_name", "trust").add("num_participants", 2)
                        .add("label", label).build().toString(), "otree-rest-key", REST_KEY);
        assertEquals(200, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject();
    }

    /** Every admin URL of oTree and Arbor's own, with a real session code and room. */
    static List<String> adminUrls(String code) {
        return List.of("/", "/index.xhtml", "/demo", "/demo/trust", "/sessions", "/sessions?archived=1",
                "/create_session", "/rooms", "/room_without_session/" + ROOM, "/room_with_session/" + ROOM,
                "/CloseRoom/" + ROOM, "/server_check", "/SessionStartLinks/" + code, "/SessionMonitor/" + code,
                "/SessionData/" + code, "/session_data/" + code, "/SessionPayments/" + code, "/AdminReport/" + code,
                "/SessionDescription/" + code, "/SessionEditProperties/" + code, "/SessionSplitScreen/" + code,
                "/AdvanceSession/" + code, "/ToggleArchivedSessions", "/export", "/export/" + code,
                "/ExportPageTimes", "/ExportSessionWide/" + code, "/chat_export", "/audit", "/api_tokens",
                "/admin/audit.xhtml", "/admin/api_tokens.xhtml", "/admin/sessions.xhtml",
                "/admin/SessionMonitor.xhtml", "/admin/demo.xhtml", "/admin/anything.xhtml", "/no-such-page",
                "/admin/session_monitor.xhtml", "/admin/room.xhtml", "/admin/not_found.xhtml");
    }

    @Test
    @Order(1)
    void underStudyACrawlWithoutLoginReachesNoAdminUrl() throws Exception {
        WebSession anonymous = new WebSession(study.url().toString());
        List<String> reached = new ArrayList<>();
        for (String url : adminUrls(code)) {
            HttpResponse<String> get = anonymous.get(url);
            String location = get.headers().firstValue("Location").orElse("");
            if (get.statusCode() != 302 || !location.contains("/login?next=")) {
                reached.add("GET " + url + " → " + get.statusCode() + " " + location);
            }
            HttpResponse<String> post = anonymous.post(url, Map.of("session", code));
            if (post.statusCode() != 403) {
                reached.add("POST " + url + " → " + post.statusCode());
            }
            assertFalse(post.body().contains(code), url + " answered about the session");
        }
        // admin push channels, by WebSocket handshake
        for (String channel : List.of("/admin/live/monitor/" + code, "/live/monitor/" + code + "/0", "/live/admin/" + code + "/0",
                "/jakarta.faces.push/monitor", "/admin/live/room/" + ROOM, "/admin/live/rooms/all")) {
            int status = anonymous.webSocketStatus(channel);
            if (status == 101) {
                reached.add("WebSocket " + channel + " opened");
            }
        }
        // the REST export needs the key
        HttpResponse<String> export = anonymous.get("/api/sessions/" + code + "/export");
        if (export.statusCode() != 403) {
            reached.add("REST export → " + export.statusCode());
        }
        assertEquals(List.of(), reached, "reached without login under STUDY");
    }

    @Test
    @Order(2)
    void participantsPagesAndPushChannelsStayPublic() throws Exception {
        WebSession browser = new WebSession(study.url().toString());
        HttpResponse<String> start = browser.get("/InitializeParticipant/" + participant);
        assertEquals(3, start.statusCode() / 100, start.body());
        assertTrue(start.headers().firstValue("Location").orElse("").contains("/p/" + participant), start.headers().map().toString());
        HttpResponse<String> page = browser.follow(start);
        assertEquals(200, page.statusCode(), page.body());
        assertEquals(101, browser.webSocketStatus("/live/wait/" + participant + "/1"));
        assertEquals(101, browser.webSocketStatus("/live/room/" + ROOM + "/0"));
        assertEquals(200, browser.get("/room/" + ROOM).statusCode());
        HttpResponse<String> login = browser.get("/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("name=\"password\""), login.body());
        assertFalse(login.body().contains("ADMIN_PASSWORD is undefined"), login.body());
        assertFalse(login.body().contains("id=\"sso\""), "no single sign-on configured: no button");
    }

    @Test
    @Order(3)
    void passwordLoginWithSessionCookieFlags() throws Exception {
        WebSession browser = new WebSession(study.url().toString());
        HttpResponse<String> asked = browser.get("/SessionMonitor/" + code);
        assertEquals(302, asked.statusCode());
        HttpResponse<String> form = browser.follow(asked);
        assertEquals(200, form.statusCode());
        String cookie = String.join("\n", form.headers().allValues("Set-Cookie"));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        HttpResponse<String> failed = browser.login("admin", "wrong");
        assertEquals(200, failed.statusCode());
        assertTrue(failed.body().contains("Login failed"), failed.body());
        assertEquals(302, browser.get("/sessions").statusCode(), "a failed login logs nobody in");
        HttpResponse<String> echoed = browser.login(XSS, "wrong");
        assertTrue(echoed.body().contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""), echoed.body());
        assertFalse(echoed.body().contains(XSS), "the user name is echoed escaped");

        HttpResponse<String> ok = browser.login("admin", PASSWORD);
        assertEquals(302, ok.statusCode(), ok.body());
        assertTrue(ok.headers().firstValue("Location").orElse("").endsWith("/SessionMonitor/" + code),
                "back to the page that asked: " + ok.headers().map());
        String newCookie = String.join("\n", ok.headers().allValues("Set-Cookie"));
        assertTrue(newCookie.contains("JSESSIONID"), "a new session id after login: " + newCookie);
        for (String url : adminUrls(code)) {
            HttpResponse<String> get = browser.get(url);
            assertNotEquals(403, get.statusCode(), url);
            assertFalse(get.headers().firstValue("Location").orElse("").contains("/login"), url + " asked for login again");
        }
        assertEquals(101, browser.webSocketStatus("/live/monitor/" + code + "/0"), "logged in: the monitor's channel opens");

        // logout: a GET only asks; the POST needs the CSRF token
        HttpResponse<String> ask = browser.get("/logout");
        assertEquals(200, ask.statusCode());
        assertEquals(403, browser.post("/logout", Map.of("csrftoken", "forged")).statusCode());
        assertEquals(200, browser.get("/audit").statusCode(), "a forged logout changed nothing");
        HttpResponse<String> out = browser.post("/logout", Map.of("csrftoken", WebSession.csrfToken(ask.body())));
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/login?logged_out=1"));
        assertEquals(302, browser.get("/audit").statusCode(), "logged out");
    }

    @Test
    @Order(4)
    void postsWithoutTheLoginsCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        WebSession browser = new WebSession(study.url().toString());
        assertEquals(302, browser.login("admin", PASSWORD).statusCode());
        HttpResponse<String> tokens = browser.get("/api_tokens");
        assertEquals(200, tokens.statusCode(), tokens.body());
        String token = WebSession.csrfToken(tokens.body());
        int before = count(tokens.body(), "<tr>");

        // no token, a wrong one, another login's, or a Faces view state instead: 403, nothing created
        WebSession other = new WebSession(study.url().toString());
        assertEquals(302, other.login("admin", PASSWORD).statusCode());
        String othersToken = WebSession.csrfToken(other.get("/api_tokens").body());
        for (Map<String, String> extra : List.of(Map.<String, String>of(), Map.of("csrftoken", "wrong"),
                Map.of("csrftoken", othersToken), Map.of("jakarta.faces.ViewState", "stateless"))) {
            Map<String, String> form = new LinkedHashMap<>(tokenForm("forged-token", "participant_vars", null));
            form.putAll(extra);
            HttpResponse<String> refused = browser.post("/api_tokens", form);
            assertEquals(403, refused.statusCode(), extra + " " + refused.body());
            assertTrue(refused.body().contains("CSRF verification failed"), refused.body());
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        // every admin form post needs it
        for (String url : List.of("/sessions", "/ToggleArchivedSessions", "/AdvanceSession/" + code,
                "/SessionMonitor/" + code, "/SessionEditProperties/" + code, "/create_session",
                "/room_without_session/" + ROOM, "/CloseRoom/" + ROOM, "/audit")) {
            assertEquals(403, browser.post(url, Map.of("op", "archive", "session", code)).statusCode(), url);
            assertEquals(403, browser.post(url, Map.of("op", "archive", "session", code, "csrftoken", "wrong"))
                    .statusCode(), url);
        }
        // whatever the content type: a JSON body is no proof of a script of this login
        for (String url : List.of("/AdvanceSession/" + code, "/CloseRoom/" + ROOM, "/ToggleArchivedSessions")) {
            HttpResponse<String> json = browser.postJson(url, "{\"session\":\"" + code + "\"}");
            assertEquals(403, json.statusCode(), url + " " + json.body());
            assertTrue(json.body().contains("CSRF verification failed"), json.body());
        }
        HttpResponse<String> sessions = browser.get("/sessions");
        assertTrue(sessions.body().contains(code), "the session was not archived: " + sessions.body());
        // with the token in the header, a script of this login may
        assertEquals(200, browser.postJson("/AdvanceSession/" + code, "{}", "X-CSRF-Token", token).statusCode());
        // a login starts with a new token: the one seen before logging in is void afterwards
        WebSession fresh = new WebSession(study.url().toString());
        String beforeLogin = WebSession.csrfToken(fresh.get("/login").body());
        assertEquals(302, fresh.login("admin", PASSWORD).statusCode());
        String afterLogin = WebSession.csrfToken(fresh.get("/api_tokens").body());
        assertFalse(beforeLogin.equals(afterLogin), "the token was not rotated at login");
        assertEquals(403, fresh.postJson("/AdvanceSession/" + code, "{}", "X-CSRF-Token", beforeLogin).statusCode());
        // the login form has its own token
        assertEquals(403, browser.post("/login", Map.of("username", "admin", "password", PASSWORD)).statusCode());

        HttpResponse<String> after = browser.get("/api_tokens");
        assertEquals(before, count(after.body(), "<tr>"), "nothing was created");
        assertFalse(after.body().contains("forged-token"));
        // with the token the same post works
        HttpResponse<String> real = browser.post("/api_tokens", tokenForm("real-token", "participant_vars", token));
        assertEquals(200, real.statusCode(), real.body());
        assertTrue(real.body().contains("id=\"issued-token\""), real.body());
    }

    @Test
    @Order(5)
    void apiTokensPageCreatesShowsOnceLogsUsesAndRevokes() throws Exception {
        WebSession browser = new WebSession(study.url().toString());
        assertEquals(302, browser.login("admin", PASSWORD).statusCode());
        HttpResponse<String> page = browser.get("/api_tokens");
        HttpResponse<String> created = browser.post("/api_tokens",
                tokenForm("Qualtrics " + XSS, "participant_vars", WebSession.csrfToken(page.body())));
        assertEquals(200, created.statusCode(), created.body());
        assertFalse(created.body().contains(XSS), "the name is escaped");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"issued-token\"[^>]*>(arbor_[^<]+)<")
                .matcher(created.body());
        assertTrue(shown.find(), created.body());
        String token = shown.group(1);
        assertFalse(browser.get("/api_tokens").body().contains(token), "shown once");

        Http api = new Http(study.url());
        HttpResponse<String> used = api.send("POST", "/api/participant_vars", "application/json",
                "{\"room_name\":\"" + ROOM + "\",\"participant_label\":\"L1\",\"vars\":{\"age\":30}}",
                "Authorization", "Bearer " + token);
        assertEquals(200, used.statusCode(), used.body());
        HttpResponse<String> listing = browser.get("/api_tokens");
        assertTrue(listing.body().contains("POST /participant_vars → 200")
                || listing.body().contains("POST participant_vars → 200"), listing.body());

        HttpResponse<String> audit = browser.get("/audit");
        assertEquals(200, audit.statusCode());
        assertTrue(audit.body().contains("api_token.create"), audit.body());
        assertTrue(audit.body().contains("participant_vars.post"), audit.body());
        assertTrue(audit.body().contains("token:Qualtrics &lt;script&gt;"), audit.body());
        assertTrue(audit.body().contains("session.create") && audit.body().contains("rest-key"), audit.body());
        assertFalse(audit.body().contains(XSS), "audit entries are escaped");
        assertFalse(audit.body().contains(token), "the token itself is never logged");

        // revoke: the token stops working
        Map<String, String> revoke = revokeForm(listing.body());
        HttpResponse<String> revoked = browser.follow(browser.post("/api_tokens", revoke));
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertTrue(revoked.body().contains("Token revoked."), revoked.body());
        assertEquals(403, api.send("POST", "/api/participant_vars", "application/json",
                "{\"room_name\":\"" + ROOM + "\",\"participant_label\":\"L1\",\"vars\":{}}",
                "Authorization", "Bearer " + token).statusCode());
        assertTrue(browser.get("/audit").body().contains("api_token.revoke"));
    }

    /** Labels and vars with markup, set over REST, appear escaped on every admin page that shows them. */
    @Test
    @Order(6)
    void scriptInLabelsAndVarsNeverAppearsUnescaped() throws Exception {
        Http api = new Http(study.url());
        assertEquals(200, api.send("POST", "/api/participant_vars/" + participant, "application/json",
                Json.createObjectBuilder().add("vars", Json.createObjectBuilder().add("note", XSS)).build().toString(),
                "otree-rest-key", REST_KEY).statusCode());
        assertEquals(200, api.send("POST", "/api/session_vars/" + code, "application/json",
                Json.createObjectBuilder().add("vars", Json.createObjectBuilder().add("x", XSS)).build().toString(),
                "otree-rest-key", REST_KEY).statusCode());
        WebSession browser = new WebSession(study.url().toString());
        assertEquals(302, browser.login("admin", PASSWORD).statusCode());
        int shown = 0;
        for (String url : List.of("/sessions", "/SessionMonitor/" + code, "/SessionStartLinks/" + code,
                "/SessionData/" + code, "/SessionPayments/" + code, "/SessionDescription/" + code,
                "/SessionEditProperties/" + code, "/audit")) {
            HttpResponse<String> page = browser.get(url);
            assertEquals(200, page.statusCode(), url);
            if (page.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                continue; // data, not a page: a browser does not run it
            }
            assertFalse(page.body().contains(XSS), url + " shows markup unescaped:\n" + page.body());
            assertFalse(page.body().contains("<script>alert"), url);
            if (page.body().contains("&lt;script&gt;alert(") || page.body().contains("\\u003cscript")) {
                shown++;
            }
        }
        assertTrue(shown >= 3, "the label shows (escaped) on the sessions list, the monitor's session header and"
                + " the audit log; pages showing it: " + shown);
    }

    /**
     * oTree's documented REST helper, request for request: {@code method(url, json=params, headers={'otree-rest-key':
     * REST_KEY})} with a trailing slash, so every GET carries a JSON body ({@code {}} at least) and the GET filters
     * travel in it.
     */
    @Test
    @Order(7)
    void oTreesCallApiHelperWorksForEveryDocumentedEndpoint() throws Exception {
        assertEquals(200, callApi("POST", "participant_vars", Json.createObjectBuilder().add("room_name", ROOM)
                .add("participant_label", "Alice").add("vars", Json.createObjectBuilder().add("age", 25)))
                .statusCode());
        HttpResponse<String> created = callApi("POST", "sessions", Json.createObjectBuilder()
                .add("session_config_name", "trust").add("num_participants", 2).add("room_name", ROOM)
                .add("modified_session_config_fields", Json.createObjectBuilder().add("num_apples", 10)));
        assertEquals(200, created.statusCode(), created.body());
        String roomSession = read(created).getString("code");
        for (String path : List.of("session_configs", "rooms", "sessions", "apps", "otree_version")) {
            HttpResponse<String> got = callApi("GET", path, Json.createObjectBuilder());
            assertEquals(200, got.statusCode(), path + ": " + got.body());
            assertTrue(got.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        }
        // the filters in the GET body are honoured, not ignored
        assertEquals(200, callApi("POST", "session_vars", Json.createObjectBuilder().add("room_name", ROOM)
                .add("vars", Json.createObjectBuilder().add("dice_roll", 4))).statusCode());
        WebSession alice = new WebSession(study.url().toString());
        assertEquals(3, alice.get("/room/" + ROOM + "?participant_label=Alice").statusCode() / 100);
        HttpResponse<String> filtered = callApi("GET", "sessions/" + roomSession, Json.createObjectBuilder()
                .add("participant_labels", Json.createArrayBuilder().add("Alice"))
                .add("participant_vars", Json.createArrayBuilder().add("age"))
                .add("session_vars", Json.createArrayBuilder().add("dice_roll")));
        assertEquals(200, filtered.statusCode(), filtered.body());
        JsonObject detail = read(filtered);
        assertEquals(1, detail.getJsonArray("participants").size(), "only Alice: " + detail);
        JsonObject aliceRow = detail.getJsonArray("participants").getJsonObject(0);
        assertEquals("Alice", aliceRow.getString("label"));
        assertEquals(25, aliceRow.getInt("age"), "the participant var asked for: " + aliceRow);
        assertEquals(4, detail.getInt("dice_roll"), "the session var asked for: " + detail);
        HttpResponse<String> unfiltered = callApi("GET", "sessions/" + roomSession, Json.createObjectBuilder());
        assertEquals(2, read(unfiltered).getJsonArray("participants").size());
        String participantCode = read(unfiltered).getJsonArray("participants").getJsonObject(1).getString("code");
        assertEquals(200, callApi("POST", "participant_vars/" + participantCode, Json.createObjectBuilder()
                .add("vars", Json.createObjectBuilder().add("x", 1))).statusCode());
        assertEquals(200, callApi("POST", "session_vars/" + roomSession, Json.createObjectBuilder()
                .add("vars", Json.createObjectBuilder().add("y", 2))).statusCode());
        // a bad filter in a GET body is a problem, as in a POST body
        HttpResponse<String> bad = callApi("GET", "sessions/" + roomSession, Json.createObjectBuilder()
                .add("participant_labels", "Alice"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("participant_labels"), bad.body());
        // and the health check takes a GET body too
        assertEquals(200, new Http(study.url()).send("GET", "/health/ready", "application/json", "{}").statusCode());
    }

    /** {@code call_api(method, *path_parts, **params)} from oTree's REST docs. */
    private static HttpResponse<String> callApi(String method, String path, jakarta.json.JsonObjectBuilder params)
            throws Exception {
        return new Http(study.url()).send(method, "/api/" + path + "/", "application/json",
                params.build().toString(), "otree-rest-key", REST_KEY);
    }

    private static JsonObject read(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** oTree's admin URLs that answered 404: page times, one session's wide table, split screen, the icon. */
    @Test
    @Order(8)
    void oTreesDownloadUrlsSplitScreenAndIconAnswer() throws Exception {
        WebSession anonymous = new WebSession(study.url().toString());
        HttpResponse<String> icon = anonymous.get("/favicon.ico");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.headers().firstValue("Content-Type").orElse("").startsWith("image/"), icon.headers().map().toString());
        assertTrue(icon.body().startsWith("\u0000\u0000\u0001\u0000"), "an ICO file");

        WebSession browser = new WebSession(study.url().toString());
        assertEquals(302, browser.login("admin", PASSWORD).statusCode());
        HttpResponse<String> pageTimes = browser.get("/ExportPageTimes");
        assertEquals(200, pageTimes.statusCode(), pageTimes.body());
        assertTrue(pageTimes.headers().firstValue("Content-Disposition").orElse("").matches(
                "attachment; filename=\"PageTimes-\\d{4}-\\d{2}-\\d{2}\\.csv\""), pageTimes.headers().map().toString());
        assertTrue(pageTimes.body().startsWith("session_code,participant_id_in_session,participant_code,page_index,"),
                pageTimes.body());
        assertTrue(pageTimes.body().contains(code + ",1," + participant), "the participant who opened a page");

        HttpResponse<String> data = browser.get("/SessionData/" + code);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                "href=\"(/ExportSessionWide/" + code + "\\?token=([0-9a-f]{8}))\"").matcher(data.body());
        assertTrue(link.find(), data.body());
        HttpResponse<String> wide = browser.get(link.group(1));
        assertEquals(200, wide.statusCode(), wide.body());
        assertTrue(wide.headers().firstValue("Content-Disposition").orElse("").contains("all_apps_wide-"));
        assertTrue(wide.body().contains("participant.id_in_session,participant.code,"), wide.body());
        assertTrue(wide.body().contains(participant), wide.body());
        for (String token : List.of("", "?token=00000000", "?token=" + link.group(2).toUpperCase())) {
            HttpResponse<String> refused = browser.get("/ExportSessionWide/" + code + token);
            assertEquals(400, refused.statusCode(), token);
            assertEquals("Missing or incorrect auth token", refused.body());
        }
        HttpResponse<String> excel = browser.get(link.group(1) + "&excel=1");
        assertEquals(200, excel.statusCode());
        assertTrue(excel.headers().firstValue("Content-Disposition").orElse("").endsWith(".xlsx\""));

        HttpResponse<String> split = browser.get("/SessionSplitScreen/" + code);
        assertEquals(200, split.statusCode(), split.body());
        assertTrue(split.body().contains("<iframe src=\"/InitializeParticipant/" + participant + "\""), split.body());
        assertEquals(2, count(split.body(), "<iframe "), "one frame per participant");
        assertEquals(404, browser.get("/SessionSplitScreen/zzzzzzzz").statusCode());
    }

    /** Last: the throttle locks this client address for a while. */
    @Test
    @Order(9)
    void failedLoginsAreThrottled() throws Exception {
        WebSession browser = new WebSession(study.url().toString());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = browser.login("admin", "guess-" + i);
            assertEquals(200, failed.statusCode(), "attempt " + i);
            assertTrue(failed.body().contains("Login failed"));
        }
        HttpResponse<String> locked = browser.login("admin", PASSWORD);
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("Too many failed logins. Try again in "), locked.body());
        assertEquals(302, browser.get("/sessions").statusCode(), "even the right password is refused while locked");
        Thread.sleep(2500);
        HttpResponse<String> ok = browser.login("admin", PASSWORD);
        assertEquals(302, ok.statusCode(), ok.body());
        assertEquals(200, browser.get("/audit").statusCode());
        String audit = browser.get("/audit").body();
        assertTrue(audit.contains("login.throttled") && audit.contains("login.failed"), audit);
    }

    @Test
    @Order(10)
    void underDemoOTreesPublicPagesAnswerAndTheOthersAskForLogin() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "auth-demo-");
        Map<String, String> env = env("DEMO");
        env.put("ARBOR_SETTINGS", oTreeProjectSettings(data).toAbsolutePath().toString()); // deploy/run runs in the root
        try (DeployRun demo = DeployRun.start(data, env)) {
            String demoCode = createSession(demo, "demo level").getString("code");
            WebSession anonymous = new WebSession(demo.url().toString());
            List<String> wrong = new ArrayList<>();
            for (String url : List.of("/demo", "/SessionStartLinks/" + demoCode, "/SessionMonitor/" + demoCode,
                    "/SessionData/" + demoCode, "/session_data/" + demoCode, "/SessionPayments/" + demoCode,
                    "/SessionDescription/" + demoCode, "/AdminReport/" + demoCode, "/static/arbor-admin.css",
                    "/static/arbor-admin.js")) {
                HttpResponse<String> get = anonymous.get(url);
                if (get.statusCode() == 302 || get.statusCode() == 403) {
                    wrong.add("public " + url + " → " + get.statusCode());
                }
            }
            for (String url : List.of("/sessions", "/rooms", "/room_without_session/" + ROOM,
                    "/room_with_session/" + ROOM, "/CloseRoom/" + ROOM, "/export", "/server_check", "/create_session",
                    "/SessionEditProperties/" + demoCode, "/ToggleArchivedSessions", "/ExportPageTimes", "/audit",
                    "/api_tokens", "/admin/sessions.xhtml", "/admin/live/room/" + ROOM)) {
                if (url.startsWith("/admin/live/")) {
                    if (anonymous.webSocketStatus(url) != 403) {
                        wrong.add("protected channel " + url);
                    }
                    continue;
                }
                HttpResponse<String> get = anonymous.get(url);
                if (get.statusCode() != 302 || !get.headers().firstValue("Location").orElse("").contains("/login")) {
                    wrong.add("protected " + url + " → " + get.statusCode());
                }
            }
            if (anonymous.webSocketStatus("/live/monitor/" + demoCode + "/0") != 101) {
                wrong.add("the monitor's push channel is public under DEMO, like the monitor");
            }
            assertEquals(List.of(), wrong);
            oTreesProjectSettingsWork(demo, demoCode, anonymous);
        }
    }

    static final String SECRET_KEY = "7763949237284";
    static final String ADMIN_USERNAME = "lab_admin";

    /** An oTree project's settings (what settings.py says, as JSON), with a secure room and its label file. */
    private static Path oTreeProjectSettings(Path dir) throws Exception {
        Files.writeString(dir.resolve("labels.txt"), "alice\nbob\n");
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, Json.createObjectBuilder()
                .add("SESSION_CONFIGS", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "trust")
                        .add("app_sequence", Json.createArrayBuilder().add("trust")).add("num_demo_participants", 2)))
                .add("ROOMS", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", ROOM).add("display_name", "Econ 101"))
                        .add(Json.createObjectBuilder().add("name", "lab").add("display_name", "Lab")
                                .add("participant_label_file", "labels.txt").add("use_secure_urls", true)))
                .add("SECRET_KEY", SECRET_KEY).add("ADMIN_USERNAME", ADMIN_USERNAME).add("LANGUAGE_CODE", "de")
                .add("DEMO_PAGE_TITLE", "Lab demos").add("DEMO_PAGE_INTRO_HTML", "<p id=\"intro\">Try <b>these</b></p>")
                .add("ADMIN_PASSWORD", "not used").add("INSTALLED_APPS", Json.createArrayBuilder().add("otree"))
                .build().toString());
        return settings;
    }

    /** SECRET_KEY, ADMIN_USERNAME, LANGUAGE_CODE and the demo page's settings, on the DEMO server. */
    private static void oTreesProjectSettingsWork(DeployRun demo, String demoCode, WebSession browser)
            throws Exception {
        assertTrue(demo.lineWith("ADMIN_PASSWORD is an oTree setting that Arbor ignores").contains("WARN"));
        assertTrue(demo.lineWith("INSTALLED_APPS is an oTree setting that Arbor ignores").contains("WARN"));

        // DEMO_PAGE_TITLE and DEMO_PAGE_INTRO_HTML on the demo index (public under DEMO)
        HttpResponse<String> index = browser.get("/demo");
        assertTrue(index.body().contains("<h1 id=\"demo-title\">Lab demos</h1>"), index.body());
        assertTrue(index.body().contains("<p id=\"intro\">Try <b>these</b></p>"), index.body());
        assertTrue(index.body().contains("<html") && index.body().contains("lang=\"en\""), "admin pages: English");

        // LANGUAGE_CODE: participants' built-in texts in German, lang="de"
        HttpResponse<String> detail = new Http(demo.url()).send("GET", "/api/sessions/" + demoCode + "/",
                "application/json", "{}", "otree-rest-key", REST_KEY);
        String player = Json.createReader(new StringReader(detail.body())).readObject().getJsonArray("participants")
                .getJsonObject(0).getString("code");
        WebSession participantBrowser = new WebSession(demo.url().toString());
        HttpResponse<String> page = participantBrowser.follow(participantBrowser.get("/InitializeParticipant/" + player));
        assertTrue(page.body().contains("lang=\"de\""), page.body());
        assertTrue(page.body().contains(">Weiter</button>"), page.body());
        HttpResponse<String> missing = participantBrowser.get("/p/zzzzzzzz/trust/Introduction/1");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Diese Seite existiert nicht.") || missing.body().contains("Nicht gefunden"),
                missing.body());

        // SECRET_KEY: the secure room accepts the links oTree handed out (hash of label + SECRET_KEY + password)
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-224")
                .digest(("alice" + SECRET_KEY + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 8);
        HttpResponse<String> waiting = participantBrowser.get("/room/lab?participant_label=alice&hash=" + hash);
        assertEquals(200, waiting.statusCode(), waiting.body());
        assertTrue(waiting.body().contains("Warten auf den Beginn Ihrer Sitzung."), waiting.body());
        HttpResponse<String> wrongHash = participantBrowser.get("/room/lab?participant_label=alice&hash=00000000");
        assertEquals(404, wrongHash.statusCode());
        assertTrue(wrongHash.body().contains("Ungültiger Parameter hash"), wrongHash.body());

        // ADMIN_USERNAME is the password user's name
        assertEquals(200, browser.login("admin", PASSWORD).statusCode(), "\"admin\" is not the user any more");
        assertEquals(302, browser.login(ADMIN_USERNAME, PASSWORD).statusCode());
        assertEquals(200, browser.get("/audit").statusCode());
        HttpResponse<String> room = browser.get("/room_without_session/lab");
        assertEquals(200, room.statusCode(), room.body());
        assertFalse(room.body().contains("id=\"room-wide-url\""), "a secure room's page shows no room-wide URL");
        assertTrue(room.body().contains("participant_label=alice&amp;hash=" + hash), room.body());
    }

    private static Map<String, String> tokenForm(String name, String scope, String csrfToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("op", "create");
        form.put("name", name);
        form.put("scope", scope);
        form.put("room", "");
        form.put("expires", "");
        if (csrfToken != null) {
            form.put("csrftoken", csrfToken);
        }
        return form;
    }

    /** The first Revoke button's form, as the browser would post it. */
    private static Map<String, String> revokeForm(String html) {
        int button = html.indexOf(">Revoke</button>");
        assertTrue(button > 0, html);
        String form = html.substring(html.lastIndexOf("<form", button), button);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(form);
        assertTrue(id.find(), form);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("op", "revoke");
        fields.put("id", id.group(1));
        fields.put("csrftoken", WebSession.csrfToken(form));
        return fields;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
