package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arborlab.client.FakeArborServer;
import org.arborlab.client.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end against the fake server: output, exit codes, environment. */
class ArborCliTest {

    private static final ObjectMapper JSON = Json.mapper();

    private FakeArborServer server;
    private CliRunner cli;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new FakeArborServer("secret");
        cli = new CliRunner(Map.of("ARBOR_SERVER", server.url(), "OTREE_REST_KEY", "secret"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = ArborCli.commandLine(cli.context(new StringWriter(), new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        assertTrue(paths.size() >= 17, "commands found: " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRunner.Result result = cli.run(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), String.join(" ", args));
            assertTrue(result.out().startsWith("Usage: arbor"), result.out());
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                collect(sub, subPath, paths);
            }
        });
    }

    @Test
    void missingOrWrongUsageExitsWithTwo() {
        assertEquals(2, cli.run().exitCode());
        assertEquals(2, cli.run("sessions").exitCode());
        CliRunner.Result missingOption = cli.run("sessions", "create", "--config", "trust");
        assertEquals(2, missingOption.exitCode());
        assertTrue(missingOption.err().contains("Missing required option: '--num-participants=N'"), missingOption.err());
        CliRunner.Result badVar = cli.run("vars", "session", "--code", "x", "novalue");
        assertEquals(2, badVar.exitCode());
        assertTrue(badVar.err().startsWith("error: expected NAME=VALUE, got: novalue"), badVar.err());
        assertEquals(2, cli.run("vars", "participant", "--room", "econ101", "age=3").exitCode());
        assertEquals(2, cli.run("export", "abc", "--kind", "custom").exitCode());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void createPrintsTheCodeFirstThenTheLinks() throws IOException {
        CliRunner.Result result = cli.run("sessions", "create", "--config", "trust", "-n", "4", "--room", "econ101",
                "--label", "Monday", "--set", "num_apples=10", "--set", "abc=[1,2,3]");

        assertEquals(0, result.exitCode(), result.err());
        String code = result.lines().get(0);
        assertTrue(code.matches("[a-z0-9]{8}"), code);
        assertEquals("  room_url          " + server.url() + "/room/econ101", result.lines().get(3));
        JsonNode sent = JSON.readTree(server.requests().get(0).body());
        assertEquals(10, sent.at("/modified_session_config_fields/num_apples").intValue());
        assertEquals(3, sent.at("/modified_session_config_fields/abc").size());
        assertEquals("Monday", sent.get("label").asText());
    }

    @Test
    void createWithIdempotencyKeyTwiceGivesTheSameSession() throws IOException {
        String[] args = {"sessions", "create", "-c", "survey", "-n", "3", "--idempotency-key", "k1", "--json"};
        CliRunner.Result first = cli.run(args);
        CliRunner.Result second = cli.run(args);
        assertEquals(0, second.exitCode());
        assertEquals(JSON.readTree(first.out()), JSON.readTree(second.out()));
        assertEquals(1, server.sessionCount());
    }

    @Test
    void serverRefusalIsPrintedExactlyWithExitOne() {
        CliRunner.Result result = cli.run("sessions", "create", "-c", "trust", "-n", "3");
        assertEquals(1, result.exitCode());
        assertEquals("error: 400 Bad Request: Session Config trust: Number of participants (3) is not a multiple "
                + "of group size (2)\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void keyAndServerComeFromOptionsOrEnvironment() {
        CliRunner noEnv = new CliRunner(Map.of());
        String nowhere = CliRunner.unreachableServer();
        CliRunner.Result unreachable = noEnv.run("server", "version", "--server", nowhere, "--retries", "0");
        assertEquals(1, unreachable.exitCode());
        assertTrue(unreachable.err().startsWith("error: GET " + nowhere + "/api/otree_version: cannot connect"),
                unreachable.err());

        CliRunner.Result noKey = noEnv.run("server", "version", "--server", server.url());
        assertEquals(1, noKey.exitCode());
        assertEquals("error: 403 Forbidden: HTTP Request Header otree-rest-key is missing\n", noKey.err());

        assertEquals("arbor-fake-1\n", noEnv.run("server", "version", "--server", server.url(), "--key", "secret")
                .out());
        assertEquals("arbor-fake-1\n", cli.run("server", "version").out());
        CliRunner.Result overridden = cli.run("server", "version", "--key", "wrong");
        assertEquals("error: 403 Forbidden: HTTP Request Header otree-rest-key is incorrect\n", overridden.err());
    }

    @Test
    void listAndShow() throws IOException {
        String code = server.addSession("trust", 2, "lab");
        server.addSession("survey", 1, null);
        cli.run("vars", "participant", "--room", "lab", "--label", "P1", "age=31");
        cli.run("vars", "participant", "--code", server.participantCodes(code).get(1), "age=32");

        CliRunner.Result list = cli.run("sessions", "list");
        assertEquals(0, list.exitCode());
        assertEquals(3, list.lines().size());
        assertTrue(list.lines().get(0).startsWith("CODE"), list.out());
        assertTrue(list.lines().get(1).startsWith(code + "  2026-11-23T07:21:38Z  trust"), list.out());

        CliRunner.Result show = cli.run("sessions", "show", code, "--participant-var", "age");
        assertEquals(0, show.exitCode(), show.err());
        assertTrue(show.out().contains(server.participantCodes(code).get(1)), show.out());
        assertTrue(show.out().contains("{age=32}"), show.out());

        JsonNode json = JSON.readTree(cli.run("sessions", "show", code, "--json").out());
        assertEquals(code, json.get("code").asText());
        assertEquals(2, json.get("participants").size());
        assertEquals("EUR", json.get("REAL_WORLD_CURRENCY_CODE").asText());

        CliRunner.Result unknown = cli.run("sessions", "show", "zzzzzzzz");
        assertEquals(1, unknown.exitCode());
        assertEquals("error: 404 Not Found: Session zzzzzzzz not found\n", unknown.err());
    }

    @Test
    void varsCommands() {
        String code = server.addSession("survey", 1, "econ101");
        String participant = server.participantCodes(code).get(0);

        CliRunner.Result byLabel = cli.run("vars", "participant", "--room", "econ101", "--label", "albert_e",
                "age=25", "is_male=true", "x=[3,6,9]");
        assertEquals("Set [age, is_male, x] for participant albert_e in room econ101.\n", byLabel.out());
        assertEquals(Map.of("age", 25, "is_male", true, "x", List.of(3, 6, 9)),
                server.pendingVars("econ101", "albert_e"));

        assertEquals(0, cli.run("vars", "participant", "--code", participant, "--vars", "{\"city\": \"Bern\"}")
                .exitCode());
        assertEquals(Map.of("city", "Bern"), server.participantVars(participant));

        assertEquals(0, cli.run("vars", "session", "--room", "econ101", "dice_roll=4").exitCode());
        assertEquals(0, cli.run("vars", "session", "--code", code, "winner=P1").exitCode());
        assertEquals(Map.of("dice_roll", 4, "winner", "P1"), server.sessionVars(code));

        CliRunner.Result noRoom = cli.run("vars", "session", "--room", "nowhere", "a=1");
        assertEquals(1, noRoom.exitCode());
        assertEquals("error: 404 Not Found: Room nowhere not found\n", noRoom.err());
    }

    @Test
    void exportToAFileOrIntoAFolder() throws IOException {
        String code = server.addSession("trust", 2, null);
        byte[] content = "participant.code\r\np0001001\r\n".getBytes(StandardCharsets.UTF_8);
        server.setExport(content, "trust-2026-11-23.csv");

        Path file = dir.resolve("trust.csv");
        CliRunner.Result toFile = cli.run("export", code, "--kind", "app", "--app", "trust", "-o", file.toString());
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals(file + "\n", toFile.out());
        assertEquals(List.of("participant.code", "p0001001"), Files.readAllLines(file));
        assertTrue(server.requests().get(0).headers().containsKey("otree-rest-key"));

        CliRunner.Result toDir = cli.run("export", code, "--kind", "PAGE_TIMES", "--format", "xlsx", "-o",
                dir.toString());
        assertEquals(dir.resolve("trust-2026-11-23.csv") + "\n", toDir.out());

        CliRunner.Result unknownApp = cli.run("export", code, "--kind", "custom", "--app", "nope", "-o",
                dir.resolve("x.csv").toString());
        assertEquals("error: 404 Not Found: App nope not found\n", unknownApp.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void exportOfSeveralOrAllSessions() throws IOException {
        String a = server.addSession("trust", 2, null);
        String b = server.addSession("trust", 2, null);
        server.setExport("participant.code\r\n".getBytes(StandardCharsets.UTF_8), "all_apps_wide-2026-11-23.csv");

        CliRunner.Result two = cli.run("export", a, b, "-o", dir.toString());
        assertEquals(0, two.exitCode(), two.err());
        assertEquals("/api/export", server.requests().get(0).path());
        assertEquals("session=" + a + "&session=" + b + "&format=csv&kind=wide", server.requests().get(0).query());
        CliRunner.Result all = cli.run("export", "--kind", "custom", "--app", "trust", "-o", dir.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertEquals("format=csv&kind=custom&app=trust", server.requests().get(1).query());
        assertEquals(dir.resolve("all_apps_wide-2026-11-23.csv") + "\n", all.out());
    }

    @Test
    void serverListings() throws IOException {
        CliRunner.Result configs = cli.run("server", "configs");
        assertTrue(configs.lines().get(1).startsWith("trust"), configs.out());
        assertEquals(3, JSON.readTree(cli.run("server", "configs", "--json").out()).size());
        assertTrue(cli.run("server", "rooms").out().contains(server.url() + "/room/econ101"));
        assertEquals(List.of("survey", "trust"), cli.run("server", "apps").lines().stream().sorted().toList());
    }
}
