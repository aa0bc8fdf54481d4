package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a user runs it: {@code deploy/run} starts, answers /health/ready within 60 s,
 * enforces oTree's REST key rules under STUDY, keeps every acknowledged write through a {@code kill -9} under
 * load (on the build's database: H2, or MySQL under -Pmysql), is ready on restart only when the current
 * deployment answers and never flaps after that, and refuses to start with a clear one-line message when the
 * configuration is wrong.
 */
class RunCommandIT {

    @Test
    void startsServesAndKeepsEveryAcknowledgedWriteThroughAKill() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        Map<String, String> env = new HashMap<>();
        env.put("OTREE_AUTH_LEVEL", "STUDY");
        env.put("OTREE_REST_KEY", "k3y");
        // on the build's database: embedded H2, or MySQL under -Pmysql (DATABASE_URL is inherited)
        String code;
        WriteLoad load;
        try (DeployRun server = DeployRun.start(data, env)) {
            // the target is 60 s on an idle 2-core machine (README); this bound only catches a hang
            System.out.println("deploy/run was ready after " + server.startup.toMillis() + " ms");
            assertTrue(server.startup.compareTo(java.time.Duration.ofSeconds(180)) < 0, "ready after " + server.startup);
            // the ready message names the database, never its URL: DATABASE_URL may carry a password
            String line = server.lineWith("Database: ");
            String database = line.substring(line.indexOf("Database: "));
            assertTrue(!database.contains("://") && database.contains(
                    System.getenv("DATABASE_URL") == null || System.getenv("DATABASE_URL").isEmpty() ? "H2 in" : "MySQL "),
                    database);
            Http http = new Http(server.url());
            int ready = http.get("/health/ready").statusCode();
            for (int i = 0; i < 60 && ready != 200; i++) { // readiness may flap while start-up work finishes
                Thread.sleep(500);
                ready = http.get("/health/ready").statusCode();
            }
            assertEquals(200, ready);

            assertProblem(http.get("/api/otree_version"), 403, "HTTP Request Header otree-rest-key is missing");
            assertProblem(http.send("GET", "/api/otree_version", null, null, "otree-rest-key", "K3Y"), 403,
                    "HTTP Request Header otree-rest-key is incorrect");
            assertProblem(http.send("GET", "/api/otree_version", null, null, "otree_rest_key", "k3y"), 403,
                    "HTTP Request Header otree-rest-key is missing");
            assertEquals(200, http.send("GET", "/api/otree_version", null, null, "OTREE-REST-KEY", "k3y").statusCode());
            assertEquals(200, http.send("GET", "/api/rooms", null, null, "Authorization", "Bearer k3y").statusCode());
            assertProblem(http.send("POST", "/api/sessions", "application/json",
                    "{\"session_config_name\":\"trust\",\"num_participants\":2}", "otree-rest-key", "nope"), 403,
                    "incorrect");

            HttpResponse<String> created = http.send("POST", "/api/sessions", "application/json",
                    "{\"session_config_name\":\"trust\",\"num_participants\":2,\"label\":\"kept\"}",
                    "otree-rest-key", "k3y");
            assertEquals(200, created.statusCode(), created.body());
            code = Json.createReader(new StringReader(created.body())).readObject().getString("code");

            // the crash drill: writers, each on its own session, until the server is killed mid-load
            load = new WriteLoad(http, 6);
            load.start();
            Thread.sleep(8000);
            server.crash();
            load.stop();
        }
        assertTrue(load.acknowledged() >= 12, "the load wrote too little to test anything: " + load.acknowledged());
        System.out.println("crash drill: " + load.acknowledged() + " writes acknowledged before kill -9");
        try (DeployRun server = DeployRun.start(data, env)) {
            Http http = new Http(server.url());
            // ready means this deployment answers, and keeps answering (no old copy being replaced)
            for (int i = 0; i < 25; i++) {
                assertEquals(200, http.get("/health/ready").statusCode(), "health after ready, poll " + i);
                assertEquals(200, http.get("/login").statusCode(), "login page after ready, poll " + i);
                Thread.sleep(200);
            }
            HttpResponse<String> again = http.send("GET", "/api/sessions/" + code, null, null,
                    "otree-rest-key", "k3y");
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("\"label\":\"kept\""), again.body());
            assertEquals(List.of(), load.lost(http), "acknowledged before kill -9, missing after restart");
        }
    }

    /**
     * Writers that each create a session and then post session vars to it, one new key per request, until
     * stopped; every write answered 200 is recorded, so after a crash each one must still be there.
     */
    static final class WriteLoad {
        private final Http http;
        private final List<Thread> writers = new ArrayList<>();
        private final Map<String, List<String>> keysBySession = new ConcurrentHashMap<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private volatile boolean running = true;

        WriteLoad(Http http, int writers) {
            this.http = http;
            for (int w = 0; w < writers; w++) {
                int writer = w;
                this.writers.add(new Thread(() -> write(writer), "writer-" + w));
            }
        }

        void start() {
            writers.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread writer : writers) {
                writer.join(30_000);
            }
        }

        int acknowledged() {
            return acknowledged.get();
        }

        private void write(int writer) {
            try {
                while (running) {
                    HttpResponse<String> created = http.send("POST", "/api/sessions", "application/json",
                            "{\"session_config_name\":\"trust\",\"num_participants\":2,\"label\":\"w" + writer
                                    + "\"}", "otree-rest-key", "k3y");
                    if (created.statusCode() != 200) {
                        continue;
                    }
                    String session = Json.createReader(new StringReader(created.body())).readObject().getString("code");
                    List<String> keys = Collections.synchronizedList(new ArrayList<>());
                    keysBySession.put(session, keys);
                    acknowledged.incrementAndGet();
                    for (int i = 0; running && i < 40; i++) {
                        String key = "w" + writer + "_" + i;
                        HttpResponse<String> posted = http.send("POST", "/api/session_vars/" + session,
                                "application/json", "{\"vars\":{\"" + key + "\":" + i + "}}",
                                "otree-rest-key", "k3y");
                        if (posted.statusCode() == 200) {
                            keys.add(key);
                            acknowledged.incrementAndGet();
                        }
                    }
                }
            } catch (IllegalStateException e) {
                // the server was killed: this request got no answer, so it was never acknowledged
            }
        }

        /** Acknowledged writes the restarted server does not have: sessions (404) and session vars. */
        List<String> lost(Http http) {
            List<String> lost = new ArrayList<>();
            keysBySession.forEach((session, keys) -> {
                List<String> expected = List.copyOf(keys);
                String body = "{\"session_vars\":[" + String.join(",", expected.stream().map(k -> "\"" + k + "\"")
                        .toList()) + "]}";
                HttpResponse<String> read = http.send("POST", "/api/get_session/" + session, "application/json",
                        body, "otree-rest-key", "k3y");
                if (read.statusCode() != 200) {
                    lost.add("session " + session + " (" + read.statusCode() + ")");
                    return;
                }
                JsonObject stored = Json.createReader(new StringReader(read.body())).readObject();
                for (String key : expected) {
                    if (!stored.containsKey(key)) {
                        lost.add("session " + session + " var " + key);
                    }
                }
            });
            return lost;
        }
    }

    @Test
    void aWrongAuthLevelStopsStartUpWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        String output = DeployRun.failToStart(data, Map.of("OTREE_AUTH_LEVEL", "demo"));
        assertTrue(output.contains("Arbor cannot start: OTREE_AUTH_LEVEL is \"demo\"; it must be unset, empty,"
                + " DEMO or STUDY (upper case)"), output);
    }

    @Test
    void aWrongSettingsFileStopsStartUpWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        Path settings = data.resolve("settings.json").toAbsolutePath();
        Files.writeString(settings, "{\"SESSION_CONFIGS\": [{\"name\": \"x\", \"app_sequence\": [\"trust\", \"trust\"]}]}");
        String output = DeployRun.failToStart(data, Map.of("ARBOR_SETTINGS", settings.toString()));
        assertTrue(output.contains("Arbor cannot start: Arbor settings (" + settings.toAbsolutePath()
                + "): settings.SESSION_CONFIGS: app_sequence of \"x\" must not contain duplicate elements."), output);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains(detail), response.body());
    }
}
