package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.annotation.Resource;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.arborlab.entity.ParticipantLabel;
import org.arborlab.entity.PendingParticipantVars;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The REST API over real HTTP, run inside the server so that each rejected request can be checked against a
 * snapshot of the whole database: status, problem+json, the detail text, and not one row changed.
 */
@ExtendWith(ArquillianExtension.class)
class RestApiIT {
    private static final String JSON = "application/json";

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(RestApiIT.class, DatabaseSnapshot.class, Http.class, BadRequests.class);
    }

    @ArquillianResource
    URL base;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Resource
    UserTransaction tx;

    static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    private String createSession(Http http, String body) {
        HttpResponse<String> created = http.post("/api/sessions", body);
        assertEquals(200, created.statusCode(), created.body());
        return ((JsonObject) json(created)).getString("code");
    }

    private HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base.toString().replaceFirst("/$", "") + path))
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Bad input below the JSON level: bytes that are not UTF-8 in a label or vars (refused, not stored as
     * U+FFFD), methods no page answers, the error page opened directly: 4xx with a message, nothing written.
     */
    @Test
    void invalidUtf8AndUnknownMethodsAreRefusedAndWriteNothing() throws Exception {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"trust\",\"num_participants\":2}");
        String participant = ((JsonObject) json(http.get("/api/sessions/" + code))).getJsonArray("participants")
                .getJsonObject(0).getString("code");
        byte[] label = "{\"session_config_name\":\"trust\",\"num_participants\":2,\"label\":\"ab\u00ff\"}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] vars = "{\"vars\":{\"name\":\"J\u00f6rg\"}}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, List<String>> before = DatabaseSnapshot.take(em);
        for (String[] target : new String[][] {{"/api/sessions", "label"}, {"/api/session_vars/" + code, "vars"},
                {"/api/participant_vars/" + participant, "vars"}}) {
            HttpResponse<String> refused = sendBytes("POST", target[0], JSON, target[1].equals("label") ? label : vars);
            assertEquals(400, refused.statusCode(), target[0] + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElse(""));
            assertTrue(refused.body().contains("Request body is not valid UTF-8"), refused.body());
        }
        HttpResponse<String> patch = sendBytes("PATCH", "/p/" + participant + "/trust/Introduction/1",
                "application/x-www-form-urlencoded", "a=1".getBytes());
        assertEquals(405, patch.statusCode(), patch.body());
        assertTrue(patch.body().contains("does not accept PATCH"), patch.body());
        HttpResponse<String> error = http.get("/login/error");
        assertEquals(404, error.statusCode(), error.body());
        HttpResponse<String> deleteWithBody = http.send("DELETE", "/api/sessions/" + code, JSON, "{}");
        assertEquals(405, deleteWithBody.statusCode(), deleteWithBody.body());
        assertEquals(before, DatabaseSnapshot.take(em), "refused requests wrote nothing");
        // the same text sent as UTF-8 is stored as sent
        HttpResponse<String> stored = sendBytes("POST", "/api/session_vars/" + code, JSON,
                "{\"vars\":{\"name\":\"J\u00f6rg\"}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, stored.statusCode(), stored.body());
    }

    @Test
    void everyBadRequestIsAProblemAndWritesNothing() {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"trust\",\"num_participants\":2,"
                + "\"room_name\":\"econ101\"}");
        String participant = ((JsonObject) json(http.get("/api/sessions/" + code))).getJsonArray("participants")
                .getJsonObject(0).getString("code");
        List<BadRequests.Case> cases = BadRequests.all(code, participant);
        assertTrue(cases.size() >= 100, "the table holds " + cases.size() + " cases");

        List<Executable> checks = new ArrayList<>();
        for (BadRequests.Case c : cases) {
            Map<String, List<String>> before = DatabaseSnapshot.take(em);
            HttpResponse<String> response;
            try {
                response = http.send(c.method(), c.path(), c.contentType(), c.body());
            } catch (IllegalStateException e) {
                checks.add(() -> { throw new AssertionError(c + " got no answer: " + e.getMessage()); });
                continue;
            }
            Map<String, List<String>> after = DatabaseSnapshot.take(em);
            checks.add(() -> {
                String what = c + " answered " + response.statusCode() + " " + response.body();
                assertEquals(c.status(), response.statusCode(), what);
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""),
                        what);
                JsonObject problem = (JsonObject) json(response);
                assertEquals(c.status(), problem.getInt("status"), what);
                assertTrue(problem.getString("detail").contains(c.detail()), what);
                assertEquals(before, after, "the database changed: " + what);
            });
        }
        assertAll(checks);
    }

    @Test
    void everyEndpointAnswersWithAndWithoutTrailingSlash() {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"survey\",\"num_participants\":1}");
        for (String path : List.of("/api/sessions", "/api/rooms", "/api/apps", "/api/session_configs",
                "/api/otree_version", "/api/sessions/" + code)) {
            for (String variant : List.of(path, path + "/")) {
                HttpResponse<String> response = http.get(variant);
                assertEquals(200, response.statusCode(), variant + ": " + response.body());
                assertTrue(response.headers().firstValue("content-type").orElse("").startsWith(JSON), variant);
            }
        }
        for (String path : List.of("/api/sessions", "/api/sessions/")) {
            assertEquals(200, http.post(path, "{\"session_config_name\":\"survey\",\"num_participants\":1}")
                    .statusCode(), path);
        }
        assertEquals(200, http.post("/api/get_session/" + code + "/", "{}").statusCode());
        assertEquals(200, http.post("/api/session_vars/" + code + "/", "{\"vars\":{}}").statusCode());
    }

    @Test
    void createdSessionIsListedWithAbsoluteUrls() {
        Http http = new Http(base);
        HttpResponse<String> created = http.post("/api/sessions/", "{\"session_config_name\":\"trust\","
                + "\"room_name\":\"econ101\",\"num_participants\":4,\"label\":\"Monday <b>lab</b>\","
                + "\"modified_session_config_fields\":{\"num_apples\":10,\"abc\":[1,2,3]}}");
        assertEquals(200, created.statusCode(), created.body());
        JsonObject answer = (JsonObject) json(created);
        String code = answer.getString("code");
        assertTrue(code.matches("[a-z0-9]{8}"), code);
        String root = base.toString().replaceAll("/+$", "");
        assertTrue(answer.getString("session_wide_url").matches(java.util.regex.Pattern.quote(root) + "/join/[a-z]{8}"),
                answer.toString());
        assertEquals(root + "/SessionStartLinks/" + code, answer.getString("admin_url"));
        assertEquals(root + "/room/econ101", answer.getString("room_url"));

        JsonObject listed = ((JsonArray) json(http.get("/api/sessions"))).getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
        assertEquals(4, listed.getInt("num_participants"));
        assertEquals("Monday <b>lab</b>", listed.getString("label"));
        assertEquals("trust", listed.getString("config_name"));

        JsonObject detail = (JsonObject) json(http.get("/api/sessions/" + code));
        assertEquals(10, detail.getJsonObject("config").getInt("num_apples"));
        assertEquals("[1,2,3]", detail.getJsonObject("config").get("abc").toString());
        assertEquals("USD", detail.getString("REAL_WORLD_CURRENCY_CODE"));
        assertEquals(4, detail.getJsonArray("participants").size());
        JsonObject first = detail.getJsonArray("participants").getJsonObject(0);
        assertEquals(1, first.getInt("id_in_session"));
        assertEquals(false, first.getBoolean("finished"));

        String demo = createSession(http, "{\"session_config_name\":\"survey\",\"num_participants\":1,\"is_demo\":true}");
        assertTrue(((JsonArray) json(http.get("/api/sessions"))).getValuesAs(JsonObject.class).stream()
                .noneMatch(s -> s.getString("code").equals(demo)), "demo sessions are not listed");

        JsonObject room = ((JsonArray) json(http.get("/api/rooms"))).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals("econ101")).findFirst().orElseThrow();
        assertEquals(code, room.getString("session_code"));
    }

    @Test
    void varsComeBackExactlyAsTheyWentIn() {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"trust\",\"num_participants\":2}");
        String vars = "{\"age\":25,\"ratio\":0.5,\"big\":123456789012345678901234567890,\"neg\":-7,"
                + "\"flag\":true,\"none\":null,\"name\":\"Zoë 山田 ✓ <script>alert(1)</script>\","
                + "\"nested\":{\"list\":[1,2.5,\"x\",[],{}],\"deep\":{\"deeper\":{\"x\":false}}}}";
        assertEquals(200, http.post("/api/session_vars/" + code, "{\"vars\":" + vars + "}").statusCode());
        JsonObject detail = (JsonObject) json(http.post("/api/get_session/" + code,
                "{\"session_vars\":[\"age\",\"ratio\",\"big\",\"neg\",\"flag\",\"none\",\"name\",\"nested\",\"missing\"]}"));
        JsonObject expected = Json.createReader(new StringReader(vars)).readObject();
        for (String key : expected.keySet()) {
            assertEquals(expected.get(key).toString(), detail.get(key).toString(), key);
        }
        assertTrue(!detail.containsKey("missing"), "keys that do not exist are left out");

        String participant = detail.getJsonArray("participants").getJsonObject(1).getString("code");
        assertEquals(200, http.post("/api/participant_vars/" + participant, "{\"vars\":" + vars + "}").statusCode());
        assertEquals(200, http.post("/api/participant_vars/" + participant, "{\"vars\":{\"age\":26}}").statusCode());
        JsonObject p = ((JsonObject) json(http.post("/api/get_session/" + code,
                "{\"participant_vars\":[\"age\",\"nested\"]}"))).getJsonArray("participants").getJsonObject(1);
        assertEquals(26, p.getInt("age"), "a later post overwrites its keys");
        assertEquals(expected.get("nested").toString(), p.get("nested").toString(), "and keeps the others");
    }

    @Test
    void varsForALabelThatHasNotArrivedAreStoredAndMerged() throws Exception {
        Http http = new Http(base);
        String label = "label_" + System.nanoTime();
        assertEquals(200, http.post("/api/participant_vars", "{\"room_name\":\"qualtrics_study\","
                + "\"participant_label\":\"" + label + "\",\"vars\":{\"age\":25,\"x\":[3,6,9]}}").statusCode());
        assertEquals(200, http.post("/api/participant_vars/", "{\"room_name\":\"qualtrics_study\","
                + "\"participant_label\":\"" + label + "\",\"vars\":{\"is_male\":true,\"age\":26}}").statusCode());
        PendingParticipantVars stored = em.createNamedQuery("PendingParticipantVars.find", PendingParticipantVars.class)
                .setParameter("room", new org.arborlab.entity.RoomName("qualtrics_study"))
                .setParameter("label", new ParticipantLabel(label)).getSingleResult();
        assertEquals("{\"age\":26,\"x\":[3,6,9],\"is_male\":true}", stored.getVars().toString());
    }

    @Test
    void varsForALabelInTheRoomsSessionGoToTheParticipant() throws Exception {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"trust\",\"num_participants\":2,"
                + "\"room_name\":\"my_room\"}");
        tx.begin();
        em.createQuery("select p from Participant p where p.session.code.value = :code and p.idInSession = 2",
                org.arborlab.entity.Participant.class).setParameter("code", code).getSingleResult()
                .setLabel(new ParticipantLabel("alan_t"));
        tx.commit();
        assertEquals(200, http.post("/api/participant_vars", "{\"room_name\":\"my_room\",\"participant_label\":"
                + "\"alan_t\",\"vars\":{\"age\":41}}").statusCode());
        JsonObject p = ((JsonObject) json(http.post("/api/get_session/" + code,
                "{\"participant_labels\":[\"alan_t\"],\"participant_vars\":[\"age\"]}")))
                .getJsonArray("participants").getJsonObject(0);
        assertEquals("alan_t", p.getString("label"));
        assertEquals(2, p.getInt("id_in_session"));
        assertEquals(41, p.getInt("age"));

        assertEquals(200, http.post("/api/session_vars", "{\"room_name\":\"my_room\",\"vars\":{\"dice_roll\":4}}")
                .statusCode());
        assertEquals(4, ((JsonObject) json(http.post("/api/get_session/" + code, "{\"session_vars\":[\"dice_roll\"]}")))
                .getInt("dice_roll"));
    }

    @Test
    void anIdempotencyKeyGivesTheFirstSessionBackEvenUnderConcurrentRetries() throws Exception {
        Http http = new Http(base);
        String key = "batch-" + System.nanoTime();
        String body = "{\"session_config_name\":\"trust\",\"num_participants\":2,\"room_name\":\"econ101\"}";
        int before = ((JsonArray) json(http.get("/api/sessions"))).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> http.send("POST", "/api/sessions", JSON, body, "Idempotency-Key", key)));
            }
            java.util.Set<String> bodies = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
                bodies.add(answer.get().body());
            }
            assertEquals(1, bodies.size(), "every retry gets the same answer: " + bodies);
            assertTrue(bodies.iterator().next().contains("\"room_url\""));
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, ((JsonArray) json(http.get("/api/sessions"))).size());

        Map<String, List<String>> snapshot = DatabaseSnapshot.take(em);
        HttpResponse<String> reused = http.send("POST", "/api/sessions", JSON,
                "{\"session_config_name\":\"trust\",\"num_participants\":4}", "Idempotency-Key", key);
        assertEquals(422, reused.statusCode(), reused.body());
        assertTrue(reused.body().contains("already used within 24 hours for a different request"), reused.body());
        HttpResponse<String> badKey = http.send("POST", "/api/sessions", JSON, body, "Idempotency-Key", "a b");
        assertEquals(400, badKey.statusCode(), badKey.body());
        assertEquals(snapshot, DatabaseSnapshot.take(em), "refused requests write nothing");
    }

    @Test
    void pageTimesExportAsCsvAndXlsxHoldTheSameCells() throws Exception {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"trust\",\"num_participants\":2}");
        tx.begin();
        List<org.arborlab.entity.Participant> participants = em.createQuery(
                "select p from Participant p where p.session.code.value = :code order by p.idInSession",
                org.arborlab.entity.Participant.class).setParameter("code", code).getResultList();
        for (org.arborlab.entity.Participant p : participants) {
            em.persist(new org.arborlab.entity.PageCompletion(p, "", "InitializeParticipant", 0, 1,
                    1_795_000_000_000L + p.getIdInSession(), false, false));
            em.persist(new org.arborlab.entity.PageCompletion(p, "trust", "Send, \"then\" wait", 1, 1,
                    1_795_000_010_999L, p.getIdInSession() == 2, true));
        }
        tx.commit();

        HttpResponse<String> csv = http.get("/api/sessions/" + code + "/export?kind=page_times&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"PageTimes-\\d{4}-\\d{2}-\\d{2}\\.csv\""), csv.headers().toString());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(List.of("session_code", "participant_id_in_session", "participant_code", "page_index", "app_name",
                "page_name", "epoch_time_completed", "round_number", "timeout_happened", "is_wait_page"),
                rows.get(0).toList());
        assertEquals(5, rows.size());
        String p1 = participants.get(0).getCode().value();
        String p2 = participants.get(1).getCode().value();
        assertEquals(List.of(code, "1", p1, "0", "", "InitializeParticipant", "1795000000", "1", "0", "0"),
                rows.get(1).toList());
        assertEquals(List.of(code, "2", p2, "1", "trust", "Send, \"then\" wait", "1795000010", "1", "1", "1"),
                rows.get(4).toList());

        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        HttpResponse<byte[]> xlsx = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                base.toString().replaceAll("/+$", "") + "/api/sessions/" + code + "/export?kind=page_times&format=xlsx"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            assertEquals(rows.size() - 1, sheet.getLastRowNum());
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(c);
                    assertEquals(rows.get(r).get(c), cell == null ? "" : text.formatCellValue(cell), "row " + r + " col " + c);
                }
            }
            assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, sheet.getRow(1).getCell(6).getCellType());
            assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, sheet.getRow(1).getCell(2).getCellType());
        }
    }

    @Test
    void concurrentVarsPostsLoseNothing() throws Exception {
        Http http = new Http(base);
        String code = createSession(http, "{\"session_config_name\":\"survey\",\"num_participants\":1}");
        String participant = ((JsonObject) json(http.get("/api/sessions/" + code))).getJsonArray("participants")
                .getJsonObject(0).getString("code");
        String label = "race_" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                answers.add(pool.submit(() -> http.post("/api/participant_vars/" + participant,
                        "{\"vars\":{\"k" + n + "\":" + n + "}}")));
                answers.add(pool.submit(() -> http.post("/api/session_vars/" + code,
                        "{\"vars\":{\"k" + n + "\":" + n + "}}")));
                answers.add(pool.submit(() -> http.post("/api/participant_vars", "{\"room_name\":\"econ101\","
                        + "\"participant_label\":\"" + label + "\",\"vars\":{\"k" + n + "\":" + n + "}}")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
            }
        } finally {
            pool.shutdown();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            keys.add("\"k" + i + "\"");
        }
        String wanted = "[" + String.join(",", keys) + "]";
        JsonObject detail = (JsonObject) json(http.post("/api/get_session/" + code,
                "{\"participant_vars\":" + wanted + ",\"session_vars\":" + wanted + "}"));
        JsonObject p = detail.getJsonArray("participants").getJsonObject(0);
        for (int i = 0; i < 32; i++) {
            assertEquals(i, p.getInt("k" + i), "participant var k" + i);
            assertEquals(i, detail.getInt("k" + i), "session var k" + i);
        }
        PendingParticipantVars stored = em.createNamedQuery("PendingParticipantVars.find", PendingParticipantVars.class)
                .setParameter("room", new org.arborlab.entity.RoomName("econ101"))
                .setParameter("label", new ParticipantLabel(label)).getSingleResult();
        assertEquals(32, stored.getVars().size(), stored.getVars().toString());
    }
}
