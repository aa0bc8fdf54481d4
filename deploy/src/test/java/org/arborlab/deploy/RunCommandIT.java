package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, as a user runs it: {@code deploy/run} starts, answers /health/ready within 60 s,
 * keeps a created session across a restart, enforces oTree's REST key rules under STUDY, and refuses to start
 * with a clear one-line message when the configuration is wrong.
 */
class RunCommandIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void startsServesAndKeepsSessionsAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        Map<String, String> env = new HashMap<>();
        env.put("OTREE_AUTH_LEVEL", "STUDY");
        env.put("OTREE_REST_KEY", "k3y");
        String code;
        try (Server server = Server.start(data, env)) {
            assertTrue(server.startup.compareTo(Duration.ofSeconds(60)) < 0, "ready after " + server.startup);
            Http http = new Http(server.url());
            assertEquals(200, http.get("/health/ready").statusCode());

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
        try (Server server = Server.start(data, env)) {
            HttpResponse<String> again = new Http(server.url()).send("GET", "/api/sessions/" + code, null, null,
                    "otree-rest-key", "k3y");
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(again.body().contains("\"label\":\"kept\""), again.body());
        }
    }

    @Test
    void aWrongAuthLevelStopsStartUpWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        String output = Server.failToStart(data, Map.of("OTREE_AUTH_LEVEL", "demo"));
        assertTrue(output.contains("Arbor cannot start: OTREE_AUTH_LEVEL is \"demo\"; it must be unset, empty,"
                + " DEMO or STUDY (upper case)"), output);
    }

    @Test
    void aWrongSettingsFileStopsStartUpWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "run-it-");
        Path settings = data.resolve("settings.json").toAbsolutePath();
        Files.writeString(settings, "{\"SESSION_CONFIGS\": [{\"name\": \"x\", \"app_sequence\": [\"trust\", \"trust\"]}]}");
        String output = Server.failToStart(data, Map.of("ARBOR_SETTINGS", settings.toString()));
        assertTrue(output.contains("Arbor cannot start: Arbor settings (" + settings.toAbsolutePath()
                + "): settings.SESSION_CONFIGS: app_sequence of \"x\" must not contain duplicate elements."), output);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains(detail), response.body());
    }

    /** deploy/run in its own process group, stopped like Ctrl-C would. */
    private static final class Server implements AutoCloseable {
        private final Process process;
        private final StringBuffer output = new StringBuffer();
        private final int port;
        private Duration startup;

        private Server(Process process, int port) {
            this.process = process;
            this.port = port;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.append(line).append('\n');
                    }
                } catch (IOException e) {
                    output.append("[output closed: ").append(e).append("]\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Process launch(Path data, Map<String, String> env, int port) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/run").toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("ARBOR_DATA", data.toAbsolutePath().toString());
            builder.environment().putAll(env);
            return builder.start();
        }

        static Server start(Path data, Map<String, String> env) throws Exception {
            int port = freePort();
            long begin = System.nanoTime();
            Server server = new Server(launch(data, env, port), port);
            while (!server.output.toString().contains("Arbor is ready.")) {
                if (!server.process.isAlive() || System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(120)) {
                    server.close();
                    throw new AssertionError("deploy/run did not become ready:\n" + server.output);
                }
                Thread.sleep(200);
            }
            server.startup = Duration.ofNanos(System.nanoTime() - begin);
            return server;
        }

        /** Runs deploy/run expecting it to exit with an error; returns what it printed. */
        static String failToStart(Path data, Map<String, String> env) throws Exception {
            Server server = new Server(launch(data, env, freePort()), 0);
            boolean exited = server.process.waitFor(120, TimeUnit.SECONDS);
            server.close();
            assertTrue(exited, "deploy/run should stop by itself:\n" + server.output);
            assertNotEquals(0, server.process.exitValue(), server.output.toString());
            server.process.getInputStream().close();
            return server.output.toString();
        }

        URL url() throws Exception {
            return new URL("http://127.0.0.1:" + port);
        }

        @Override
        public void close() throws Exception {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
