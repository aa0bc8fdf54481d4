package org.arborlab.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArborClientTest {

    private FakeArborServer server;
    private ArborClient client;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new FakeArborServer("secret");
        client = ArborClient.builder(server.url()).restKey("secret").retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createSessionSendsTheRestParametersAndTheKey() throws IOException {
        CreatedSession created = client.createSession(SessionRequest.of("trust", 4).inRoom("econ101")
                .withLabel("Monday").withModifiedSessionConfigFields(Map.of("num_apples", 10)));

        assertEquals(server.url() + "/room/econ101", created.roomUrl());
        assertTrue(created.adminUrl().endsWith("/SessionStartLinks/" + created.code()));
        FakeArborServer.Recorded request = server.requests().get(0);
        assertEquals("/api/sessions", request.path());
        assertEquals("secret", request.headers().get("otree-rest-key"));
        assertEquals("application/json", request.headers().get("content-type"));
        assertEquals(Map.of("session_config_name", "trust", "num_participants", 4, "room_name", "econ101",
                        "label", "Monday", "modified_session_config_fields", Map.of("num_apples", 10)),
                Json.MAPPER.readValue(request.body(), Map.class));
        assertNull(request.headers().get("idempotency-key"));
    }

    @Test
    void listAndShowSessions() {
        String code = server.addSession("trust", 2, "lab");
        client.setParticipantVars(server.participantCodes(code).get(0), Map.of("age", 30));
        client.setSessionVars(code, Map.of("dice_roll", 4));

        List<SessionSummary> sessions = client.listSessions();
        assertEquals(1, sessions.size());
        assertEquals("trust", sessions.get(0).configName());
        assertEquals(Instant.ofEpochSecond(1795418498, 286_189_600), sessions.get(0).createdAt());

        SessionDetail detail = client.getSession(code);
        assertEquals(2, detail.participants().size());
        assertEquals("EUR", detail.realWorldCurrencyCode());
        assertEquals(new BigDecimal("7.5"), detail.participants().get(0).payoffInRealWorldCurrency());
        assertEquals(Boolean.FALSE, detail.participants().get(0).finished());
        assertEquals("P1", detail.participants().get(0).label());
        assertTrue(detail.participants().get(0).vars().isEmpty());
        assertTrue(detail.sessionVars().isEmpty());

        SessionDetail queried = client.getSession(code,
                new SessionQuery(List.of("P1"), List.of("age"), List.of("dice_roll")));
        assertEquals(1, queried.participants().size());
        assertEquals(Map.of("age", 30), queried.participants().get(0).vars());
        assertEquals(Map.of("dice_roll", 4), queried.sessionVars());
    }

    @Test
    void participantAndSessionVarsByRoomAndByCode() {
        String code = server.addSession("survey", 1, "econ101");
        String participant = server.participantCodes(code).get(0);

        client.setParticipantVarsInRoom("econ101", "albert_e", Map.of("age", 25, "x", List.of(3, 6, 9)));
        client.setParticipantVarsInRoom("econ101", "albert_e", Map.of("is_male", true));
        client.setParticipantVars(participant, Map.of("nested", Map.of("a", 1)));
        client.setSessionVarsInRoom("econ101", Map.of("dice_roll", 4));

        assertEquals(Map.of("age", 25, "x", List.of(3, 6, 9), "is_male", true),
                server.pendingVars("econ101", "albert_e"));
        assertEquals(Map.of("nested", Map.of("a", 1)), server.participantVars(participant));
        assertEquals(Map.of("dice_roll", 4), server.sessionVars(code));
        assertThrows(ArborNotFoundException.class, () -> client.setParticipantVarsInRoom("nope", "a", Map.of("x", 1)));
        assertThrows(IllegalArgumentException.class, () -> client.setParticipantVarsInRoom("econ101", " ", Map.of()));
    }

    @Test
    void settingsEndpoints() {
        List<SessionConfig> configs = client.sessionConfigs();
        assertEquals(List.of("trust", "survey", "public_goods"), configs.stream().map(SessionConfig::name).toList());
        assertEquals(List.of("trust"), configs.get(0).appSequence());
        assertEquals(new BigDecimal("5.0"), configs.get(0).fields().get("participation_fee"));
        assertEquals(List.of(new Room("econ101", null, server.url() + "/room/econ101"),
                new Room("lab", null, server.url() + "/room/lab")), client.rooms());
        assertEquals("Trust game", client.apps().get("trust"));
        assertEquals("arbor-fake-1", client.otreeVersion());
    }

    @Test
    void bearerTokenIsAcceptedInsteadOfTheKey() {
        ArborClient bearer = ArborClient.builder(server.url()).bearerToken("secret").build();
        assertEquals("arbor-fake-1", bearer.otreeVersion());
        assertEquals("Bearer secret", server.requests().get(0).headers().get("authorization"));
        assertFalse(server.requests().get(0).headers().containsKey("otree-rest-key"));
    }

    @Test
    void serverUrlIsNormalised() {
        assertEquals(server.url(), ArborClient.builder(server.url() + "//").build().server().toString());
        assertEquals("http://lab.example.edu:8000",
                ArborClient.builder("lab.example.edu:8000").build().server().toString());
        assertThrows(IllegalArgumentException.class, () -> ArborClient.builder("ftp://x").build());
        assertThrows(IllegalArgumentException.class, () -> ArborClient.builder("http://x/?a=1").build());
        assertThrows(IllegalArgumentException.class, () -> ArborClient.builder(" ").build());
    }

    @Test
    void exportIsStreamedToTheGivenFile() throws IOException {
        String code = server.addSession("trust", 2, null);
        byte[] big = "participant.code,trust.1.player.payoff\r\n".repeat(50_000).getBytes(StandardCharsets.UTF_8);
        server.setExport(big, "all_apps_wide-2026-11-23.csv");

        Path file = client.export(code, ExportRequest.app("trust", ExportRequest.Format.XLSX), dir.resolve("t.xlsx"));

        assertEquals(dir.resolve("t.xlsx"), file);
        assertArrayEquals(big, Files.readAllBytes(file));
        FakeArborServer.Recorded request = server.requests().get(server.requests().size() - 1);
        assertEquals("/api/sessions/" + code + "/export", request.path());
    }

    @Test
    void exportIntoAFolderUsesTheServersFileNameButNeverItsFolders() throws IOException {
        String code = server.addSession("trust", 2, null);
        server.setExport("a,b\r\n".getBytes(StandardCharsets.UTF_8), "../../etc/page_times.csv");

        Path file = client.export(code, ExportRequest.pageTimes(ExportRequest.Format.CSV), dir);

        assertEquals(dir.resolve("page_times.csv"), file);
        assertEquals("a,b\r\n", Files.readString(file));
    }

    @Test
    void exportOfAChosenSetOrOfAllSessions() throws IOException {
        String a = server.addSession("trust", 2, null);
        String b = server.addSession("trust", 2, null);
        server.setExport("x\r\n".getBytes(StandardCharsets.UTF_8), "trust_custom-2026-11-23.csv");

        Path chosen = client.export(List.of(a, b), ExportRequest.custom("trust", ExportRequest.Format.CSV), dir);
        assertEquals(dir.resolve("trust_custom-2026-11-23.csv"), chosen);
        FakeArborServer.Recorded request = server.requests().get(server.requests().size() - 1);
        assertEquals("/api/export", request.path());
        assertEquals("session=" + a + "&session=" + b + "&format=csv&kind=custom&app=trust", request.query());

        client.export(List.of(), ExportRequest.wide(ExportRequest.Format.XLSX), dir.resolve("all.xlsx"));
        assertEquals("format=xlsx&kind=wide", server.requests().get(server.requests().size() - 1).query());
        assertThrows(ArborNotFoundException.class, () -> client.export(List.of(a, "zzzzzzzz"),
                ExportRequest.wide(ExportRequest.Format.CSV), dir.resolve("none.csv")));
        assertFalse(Files.exists(dir.resolve("none.csv")));
    }

    @Test
    void anExportTheServerCouldNotFinishIsNotSaved() throws IOException {
        String code = server.addSession("trust", 2, null);
        byte[] broken = ("n,text\r\n" + "1,row\r\n".repeat(20_000) + "1,ro\r\nARBOR EXPORT FAILED: the export stopped"
                + " before the end; this file is incomplete (see the server log)\r\n").getBytes(StandardCharsets.UTF_8);
        server.setExport(broken, "trust_custom-2026-11-23.csv");

        ArborException e = assertThrows(ArborException.class,
                () -> client.export(code, ExportRequest.custom("trust", ExportRequest.Format.CSV), dir));
        assertTrue(e.getMessage().startsWith("the server could not finish the export: ARBOR EXPORT FAILED"),
                e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither the file nor its temporary part is left");
        }
    }

    @Test
    void failedExportLeavesNoFileBehind() throws IOException {
        ArborNotFoundException e = assertThrows(ArborNotFoundException.class,
                () -> client.export("zzzzzzzz", ExportRequest.wide(ExportRequest.Format.CSV), dir.resolve("x.csv")));
        assertEquals("Session zzzzzzzz not found", e.detail());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void exportRequestNeedsAnAppExactlyForAppAndCustom() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExportRequest(ExportRequest.Kind.CUSTOM, ExportRequest.Format.CSV, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ExportRequest(ExportRequest.Kind.WIDE, ExportRequest.Format.CSV, "trust"));
        assertEquals("page_times", ExportRequest.pageTimes(ExportRequest.Format.CSV).kind().parameter());
    }

    @Test
    void codesAreEncodedSoTheyCannotReachAnotherPath() {
        assertThrows(ArborNotFoundException.class, () -> client.getSession("../rooms"));
        assertEquals("/api/sessions/..%2Frooms", server.requests().get(0).path());
    }

    @Test
    void createdAtAcceptsEpochSecondsAndIsoText() throws IOException {
        assertEquals(Instant.ofEpochSecond(1795418498),
                Json.MAPPER.readValue("{\"created_at\":1795418498}", SessionSummary.class).createdAt());
        assertEquals(Instant.parse("2026-11-23T10:15:30Z"),
                Json.MAPPER.readValue("{\"created_at\":\"2026-11-23T10:15:30Z\"}", SessionSummary.class).createdAt());
        assertNull(Json.MAPPER.readValue("{\"created_at\":null}", SessionSummary.class).createdAt());
    }
}
