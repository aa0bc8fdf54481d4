package org.arborlab.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same smoke suite for every application server the unmodified EAR (the example study's) is deployed on:
 * health, the REST API with the key (and a GET with a JSON body, as oTree's REST client sends it, and a post whose
 * body arrives in pieces), the admin login with
 * its CSRF token, bots playing {@code trust}, a CSV and an .xlsx export, and an undeploy and redeploy that keeps
 * the data. The server runs with {@code OTREE_AUTH_LEVEL=DEMO}, the admin password and REST key below.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ServerSmokeSuite {
    static final String REST_KEY = System.getProperty("arbor.it.rest-key", "it-rest-key");
    static final String ADMIN_PASSWORD = System.getProperty("arbor.it.admin-password", "it-admin-password");
    private static final Pattern CSRF = Pattern.compile("name=\"csrftoken\" value=\"([^\"]+)\"");

    /** The session the bots played, kept across the redeploy. */
    private static String botSession;

    /** HTTP to the deployed application. */
    abstract ArborHttp http();

    /** Removes the application from the server (the database stays). */
    abstract void undeploy() throws Exception;

    /** Deploys the same EAR again, as an upgrade would. */
    abstract void deploy() throws Exception;

    @Test
    @Order(1)
    void healthReportsTheDatabaseAndTheApplicationUp() {
        JsonObject ready = http().getJsonObject("/health/ready");
        assertEquals("UP", ready.getString("status"), ready::toString);
        JsonObject database = check(ready, "database")
                .orElseThrow(() -> new AssertionError("no readiness check \"database\": " + ready));
        String product = database.getJsonObject("data").getString("product");
        if (usesMysql()) {
            assertTrue(Set.of("MySQL", "MariaDB").contains(product), () -> "database product " + product);
        } else {
            assertEquals("H2", product);
        }
        JsonObject live = http().getJsonObject("/health/live");
        assertEquals("UP", live.getString("status"), live::toString);
        assertTrue(check(live, "arbor").isPresent(), live::toString);
    }

    @Test
    @Order(2)
    void restCreatesASessionWithTheKeyAndAnswersAGetWithABody() {
        JsonObject create = Json.createObjectBuilder().add("session_config_name", "trust")
                .add("num_participants", 4).build();
        ArborHttp.assertStatus(403, http().postJson("api/sessions/", "wrong-key", create));
        HttpResponse<String> created = http().postJson("api/sessions/", REST_KEY, create);
        assertTrue(created.statusCode() == 200 || created.statusCode() == 201, created::body);
        String code = ArborHttp.jsonObject(created).getString("code");

        // oTree's call_api sends a JSON body with every GET, and the server's listener must let it through
        HttpResponse<String> configs = http().getWithBody("api/session_configs/", REST_KEY, JsonValue.EMPTY_JSON_OBJECT);
        ArborHttp.assertStatus(200, configs);
        assertTrue(configs.body().contains("\"trust\""), configs::body);
        HttpResponse<String> session = http().getWithBody("api/sessions/" + code + "/", REST_KEY,
                JsonValue.EMPTY_JSON_OBJECT);
        ArborHttp.assertStatus(200, session);
        assertEquals(4, ArborHttp.jsonObject(session).getJsonArray("participants").size(), session::body);

        // a body that arrives after its headers is read without a request thread, and the request then runs on a
        // second (ASYNC) dispatch, where Arbor starts CDI's request context itself (the REST key check needs it)
        String slow = inPieces(http().uri("api/sessions/"),
                "{\"session_config_name\":\"trust\",\"num_participants\":2}");
        assertTrue(slow.startsWith("HTTP/1.1 200") || slow.startsWith("HTTP/1.1 201"), slow);
        assertTrue(slow.contains("\"code\""), slow);
    }

    /** A REST post whose headers come first and whose body follows in two parts, 300 ms apart. */
    private static String inPieces(java.net.URI uri, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: close\r\nContent-Type: application/json\r\notree-rest-key: " + REST_KEY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(3)
    void adminLogsInWithTheCsrfToken() {
        ArborHttp.assertStatus(302, http().get("sessions"));
        HttpResponse<String> page = http().get("login?next=/sessions");
        ArborHttp.assertStatus(200, page);
        String token = csrfToken(page.body());
        ArborHttp.assertStatus(403, http().postForm("login", Map.of("username", "admin", "password", ADMIN_PASSWORD)));
        HttpResponse<String> login = http().postForm("login",
                Map.of("username", "admin", "password", ADMIN_PASSWORD, "csrftoken", token));
        ArborHttp.assertStatus(302, login);
        assertTrue(login.headers().firstValue("Location").orElse("").endsWith("/sessions"), () -> login.headers().toString());
        HttpResponse<String> sessions = http().get("sessions");
        ArborHttp.assertStatus(200, sessions);
        assertTrue(sessions.body().contains("Log out") || sessions.body().contains("Logout"), sessions::body);
    }

    @Test
    @Order(4)
    void botsPlayTheTrustGame() {
        HttpResponse<String> response = http().postJson("api/bots", REST_KEY,
                Json.createObjectBuilder().add("session_config_name", "trust").add("num_participants", 2).build());
        ArborHttp.assertStatus(200, response);
        JsonObject report = ArborHttp.jsonObject(response);
        assertTrue(report.getBoolean("passed"), report::toString);
        botSession = report.getString("code");
    }

    @Test
    @Order(5)
    void exportsCsvAndXlsx() {
        assertTrue(botSession != null, "the bots' session is needed");
        HttpResponse<byte[]> csv = http().getBytes("api/sessions/" + botSession + "/export?kind=app&app=trust&format=csv",
                REST_KEY);
        assertEquals(200, csv.statusCode(), () -> new String(csv.body(), StandardCharsets.UTF_8));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("participant.code"), text);
        assertTrue(text.contains(botSession), text);
        HttpResponse<byte[]> xlsx = http().getBytes("api/sessions/" + botSession + "/export?kind=wide&format=xlsx",
                REST_KEY);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"), () -> xlsx.headers().toString());
        assertTrue(xlsx.body().length > 1000 && xlsx.body()[0] == 'P' && xlsx.body()[1] == 'K', "not a zip (xlsx)");
    }

    @Test
    @Order(6)
    void redeployKeepsTheData() throws Exception {
        assertTrue(botSession != null, "the bots' session is needed");
        undeploy();
        assertEquals(404, http().get("api/otree_version").statusCode());
        deploy();
        awaitReady(Duration.ofMinutes(4));
        HttpResponse<String> session = http().getWithBody("api/sessions/" + botSession, REST_KEY,
                JsonValue.EMPTY_JSON_OBJECT);
        ArborHttp.assertStatus(200, session);
        assertEquals(2, ArborHttp.jsonObject(session).getJsonArray("participants").size(), session::body);
    }

    void awaitReady(Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        int status = -1;
        while (Instant.now().isBefore(end)) {
            try {
                status = http().get("/health/ready").statusCode();
                if (status == 200 && http().getWithBody("api/otree_version", REST_KEY, JsonValue.EMPTY_JSON_OBJECT)
                        .statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                status = -1; // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Arbor not ready within " + limit + " (last /health/ready: " + status + ")");
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertTrue(matcher.find(), () -> "no csrftoken field in " + html);
        return matcher.group(1);
    }

    static Optional<JsonObject> check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(check -> name.equals(check.getString("name")))
                .findFirst();
    }

    /** -Pmysql sets arbor.test.database-url; without it the server runs on embedded H2. */
    static boolean usesMysql() {
        return !System.getProperty("arbor.test.database-url", "").isBlank();
    }
}
