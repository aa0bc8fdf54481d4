package org.arborlab.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arborlab.client.FakeArborServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch runs end to end: per-row report, carrying on past bad rows, summary, exit code, safe re-runs. */
class BatchCliTest {

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

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** 200 rows, 5 of them bad in different ways (rows are numbered from 2: the header is row 1). */
    private static String twoHundredRows() {
        StringBuilder csv = new StringBuilder("session_config_name,num_participants,room_name,label,"
                + "modified_session_config_fields\n");
        for (int row = 2; row <= 201; row++) {
            switch (row) {
                case 10 -> csv.append("nope,2,,bad config,\n");
                case 50 -> csv.append("trust,3,,odd count,\n");
                case 90 -> csv.append("trust,two,,not a number,\n");
                case 130 -> csv.append("trust,2,,broken json,\"{num_apples: 1}\"\n");
                case 170 -> csv.append("trust,2,nowhere,unknown room,\n");
                default -> csv.append("trust,2,,session ").append(row).append(",\"{\"\"num_apples\"\": ")
                        .append(row).append("}\"\n");
            }
        }
        return csv.toString();
    }

    @Test
    void twoHundredRowsWithFiveBadOnesThenARerunCreatesNothingNew() throws IOException {
        Path file = write("week12.csv", twoHundredRows());

        CliRunner.Result first = cli.run("batch", "create", "--file", file.toString());

        assertEquals(1, first.exitCode(), first.err());
        assertEquals(195, server.sessionCount());
        List<String> lines = first.lines();
        assertEquals(201, lines.size());
        assertTrue(lines.get(0).matches("\\[  1/200] row 2: ok [a-z0-9]{8} http://\\S+/join/\\S+"), lines.get(0));
        assertEquals("[  9/200] row 10: FAILED 404 Not Found: Session config \"nope\" not found in "
                + "settings.SESSION_CONFIGS.", lines.get(8));
        assertEquals("[ 49/200] row 50: FAILED 400 Bad Request: Session Config trust: Number of participants (3) "
                + "is not a multiple of group size (2)", lines.get(48));
        assertEquals("[ 89/200] row 90: FAILED num_participants must be a whole number, got: two", lines.get(88));
        assertTrue(lines.get(128).startsWith("[129/200] row 130: FAILED modified_session_config_fields is not "
                + "valid JSON"), lines.get(128));
        assertEquals("[169/200] row 170: FAILED 404 Not Found: Room nowhere not found", lines.get(168));
        assertEquals("Summary: 200 rows, 195 ok, 5 failed (rows 10, 50, 90, 130, 170).", lines.get(200));

        CliRunner.Result rerun = cli.run("batch", "create", "--file", file.toString());

        assertEquals(195, server.sessionCount());
        assertEquals(okLines(first), okLines(rerun));
        assertEquals(1, rerun.exitCode());
    }

    @Test
    void removingTheBadRowsAndReorderingKeepsTheKeysSoNothingIsCreatedTwice() throws IOException {
        Path file = write("sessions.csv", """
                session_config_name,num_participants,label
                trust,2,a
                nope,2,b
                survey,1,c
                """);
        CliRunner.Result first = cli.run("batch", "create", "-f", file.toString());
        assertEquals(1, first.exitCode());
        assertEquals("Summary: 3 rows, 2 ok, 1 failed (row 3).", first.lines().get(3));
        assertEquals(2, server.sessionCount());

        write("sessions.csv", """
                label,num_participants,session_config_name

                c,1,survey
                a,2,trust
                """);
        CliRunner.Result rerun = cli.run("batch", "create", "-f", file.toString());
        assertEquals(0, rerun.exitCode(), rerun.out());
        assertEquals(2, server.sessionCount());
        assertTrue(rerun.out().endsWith("Summary: 2 rows, 2 ok, 0 failed.\n"), rerun.out());
    }

    @Test
    void identicalRowsAreDistinctSessionsAndARunIdStartsANewBatch() throws IOException {
        Path file = write("lab.csv", "session_config_name,num_participants\ntrust,2\ntrust,2\ntrust,2\n");
        assertEquals(0, cli.run("batch", "create", "-f", file.toString()).exitCode());
        assertEquals(3, server.sessionCount());
        assertEquals(0, cli.run("batch", "create", "-f", file.toString()).exitCode());
        assertEquals(3, server.sessionCount());
        assertEquals(0, cli.run("batch", "create", "-f", file.toString(), "--run-id", "week-13").exitCode());
        assertEquals(6, server.sessionCount());
    }

    @Test
    void unusableFileStopsBeforeTheFirstRequest() throws IOException {
        Path unknownColumn = write("s.csv", "session_config_name,num_participants,is_mturk\ntrust,2,true\n");
        CliRunner.Result result = cli.run("batch", "create", "-f", unknownColumn.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("error: " + unknownColumn + ": unknown column \"is_mturk\"; the columns "
                + "are session_config_name, "), result.err());

        Path brokenQuotes = write("q.csv", "session_config_name,label\ntrust,\"Monday\n");
        assertEquals(2, cli.run("batch", "create", "-f", brokenQuotes.toString()).exitCode());
        assertEquals(2, cli.run("batch", "create", "-f", dir.resolve("missing.csv").toString()).exitCode());
        assertEquals(2, cli.run("batch", "participant-vars", "-f", unknownColumn.toString()).exitCode());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void dryRunChecksRowsAndSendsNothing() throws IOException {
        Path file = write("s.csv", "session_config_name,num_participants\ntrust,2\ntrust,x\n");
        CliRunner.Result result = cli.run("batch", "create", "-f", file.toString(), "--dry-run");
        assertEquals(1, result.exitCode());
        assertTrue(result.lines().get(0).startsWith("[1/2] row 2: ok would send {\"num_participants\":2,"
                + "\"session_config_name\":\"trust\"} with Idempotency-Key arbor-batch-"), result.out());
        assertEquals("[2/2] row 3: FAILED num_participants must be a whole number, got: x", result.lines().get(1));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void participantVarsByLabelAndByCodeWithABadRow() throws IOException {
        String code = server.addSession("trust", 2, null);
        String participant = server.participantCodes(code).get(1);
        Path file = write("vars.csv", "room_name,participant_label,participant_code,vars,vars.age\n"
                + "econ101,albert_e,,\"{\"\"is_male\"\": true}\",25\n"
                + ",,nobody00,,30\n"
                + "econ101,marie_c,,\"[1]\",\n"
                + ",," + participant + ",\"{\"\"x\"\": [3, 6, 9]}\",\n");

        CliRunner.Result result = cli.run("batch", "participant-vars", "--file", file.toString());

        assertEquals(1, result.exitCode());
        assertEquals(List.of(
                "[1/4] row 2: ok set [is_male, age] for participant albert_e in room econ101",
                "[2/4] row 3: FAILED 404 Not Found: Participant nobody00 not found",
                "[3/4] row 4: FAILED vars must be a JSON object like {\"age\": 25}, got: [1]",
                "[4/4] row 5: ok set [x] for participant " + participant,
                "Summary: 4 rows, 2 ok, 2 failed (rows 3, 4)."), result.lines());
        assertEquals(Map.of("is_male", true, "age", 25), server.pendingVars("econ101", "albert_e"));
        assertEquals(Map.of("x", List.of(3, 6, 9)), server.participantVars(participant));

        // Vars are merged, so the same file again changes nothing.
        cli.run("batch", "participant-vars", "--file", file.toString());
        assertEquals(Map.of("is_male", true, "age", 25), server.pendingVars("econ101", "albert_e"));
    }

    @Test
    void transientServerTroubleIsRetriedPerRow() throws IOException {
        Path file = write("s.csv", "session_config_name,num_participants\ntrust,2\nsurvey,1\n");
        server.failNext(2, 503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"detail\":\"busy\"}");
        CliRunner.Result result = cli.run("batch", "create", "-f", file.toString());
        assertEquals(0, result.exitCode(), result.out());
        assertEquals(2, server.sessionCount());
    }

    @Test
    void unreachableServerStopsTheRunAfterAFewRows() throws IOException {
        Path file = write("s.csv", "session_config_name,num_participants\n" + "trust,2\n".repeat(10));
        CliRunner.Result result = new CliRunner(Map.of()).run("batch", "create", "-f", file.toString(),
                "--server", CliRunner.unreachableServer(), "--retries", "0");
        assertEquals(1, result.exitCode());
        assertEquals(4, result.lines().size());
        assertEquals("Stopped: the server could not be reached 3 times in a row. Summary: 10 rows, 0 ok, 3 failed, "
                + "7 not attempted (rows 2, 3, 4).", result.lines().get(3));
    }

    private static List<String> okLines(CliRunner.Result result) {
        List<String> ok = new ArrayList<>();
        for (String line : result.lines()) {
            if (line.contains(": ok ")) {
                ok.add(line);
            }
        }
        return ok;
    }
}
