package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a user runs it: {@code deploy/run} starts, answers /health/ready within 60 s,
 * keeps a created session across a restart, enforces oTree's REST key rules under STUDY, and refuses to start
 * with a clear one-line message when the configuration is wrong.
 */
class RunCommandIT {

    @Test
    void startsServesAndKeepsSessionsAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        Map<String, String> env = new HashMap<>();
        env.put("OTREE_AUTH_LEVEL", "STUDY");
        env.put("OTREE_REST_KEY", "k3y");
        // on the build's database: embedded H2, or MySQL under -Pmysql (DATABASE_URL is inherited)
        String code;
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
        }
        try (DeployRun server = DeployRun.start(data, env)) {
            HttpResponse<String> again = new Http(server.url()).send("GET", "/api/sessions/" + code, null, null,
                    "otree-rest-key", "k3y");
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("\"label\":\"kept\""), again.body());
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
