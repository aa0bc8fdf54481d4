package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code arbor} command line (api-client/target/arbor-cli.jar, run as a separate program) against the real
 * WAR: batch creation with bad rows, a safe re-run through Idempotency-Key, and vars uploads.
 */
@ExtendWith(ArquillianExtension.class)
class CommandLineIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RealWar.load();
    }

    @ArquillianResource
    URL base;

    record Run(int exit, String output) {
    }

    private Run arbor(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("arbor.cliJar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ARBOR_SERVER", base.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }

    private int sessionCount() {
        return Json.createReader(new StringReader(new Http(base).get("/api/sessions").body())).readArray().size();
    }

    @Test
    void batchCreateReportsBadRowsAndAReRunCreatesNothingNew() throws Exception {
        Path csv = Files.createTempFile(Path.of("target"), "sessions-", ".csv");
        StringBuilder rows = new StringBuilder("session_config_name,num_participants,room_name,label,"
                + "modified_session_config_fields\n");
        List<Integer> bad = List.of(17, 60, 101, 150, 199); // data rows, 1-based
        for (int i = 1; i <= 200; i++) {
            if (i == 17) {
                rows.append("nope,2,,row 17,\n");
            } else if (i == 60) {
                rows.append("trust,3,,row 60,\n");
            } else if (i == 101) {
                rows.append("trust,2,nowhere,row 101,\n");
            } else if (i == 150) {
                rows.append("trust,2,,row 150,\"{\"\"num_apples\"\":\"\"ten\"\"}\"\n");
            } else if (i == 199) {
                rows.append("trust,2,,row 199,\"{\"\"name\"\":\"\"x\"\"}\"\n");
            } else {
                rows.append("trust,2,,batch row ").append(i).append(",\"{\"\"num_apples\"\":").append(i).append("}\"\n");
            }
        }
        Files.writeString(csv, rows.toString());
        int before = sessionCount();

        Run first = arbor("batch", "create", "--file", csv.toString());
        assertEquals(1, first.exit(), first.output());
        assertTrue(first.output().contains("200 rows, 195 ok, 5 failed"), first.output());
        for (String detail : List.of("Session config \\\"nope\\\" not found", "Number of participants (3) is not a multiple",
                "Room nowhere not found", "num_apples must be a number", "not editable: [name]")) {
            assertTrue(first.output().replace("\"", "\\\"").contains(detail), detail + " in\n" + first.output());
        }
        for (int row : bad) {
            assertTrue(first.output().contains("row " + (row + 1) + ": FAILED"), "row " + row + "\n" + first.output());
        }
        assertEquals(before + 195, sessionCount());

        Run again = arbor("batch", "create", "--file", csv.toString());
        assertEquals(1, again.exit(), again.output());
        assertTrue(again.output().contains("200 rows, 195 ok, 5 failed"), again.output());
        assertEquals(before + 195, sessionCount(), "a re-run creates nothing new");
    }

    @Test
    void varsUploadsReachParticipantsAndRooms() throws Exception {
        Run created = arbor("sessions", "create", "-c", "trust", "-n", "2", "--json");
        assertEquals(0, created.exit(), created.output());
        String code = Json.createReader(new StringReader(created.output().substring(created.output().indexOf('{'))))
                .readObject().getString("code");
        JsonObject detail = Json.createReader(new StringReader(new Http(base).get("/api/sessions/" + code).body()))
                .readObject();
        JsonArray participants = detail.getJsonArray("participants");
        String p1 = participants.getJsonObject(0).getString("code");
        String p2 = participants.getJsonObject(1).getString("code");

        Path csv = Files.createTempFile(Path.of("target"), "vars-", ".csv");
        Files.writeString(csv, "participant_code,vars\n"
                + p1 + ",\"{\"\"age\"\":25,\"\"tags\"\":[\"\"a\"\",\"\"b\"\"]}\"\n"
                + p2 + ",\"{\"\"age\"\":31}\"\n"
                + "zzzzzzzz,\"{\"\"age\"\":1}\"\n");
        Run upload = arbor("batch", "participant-vars", "--file", csv.toString());
        assertEquals(1, upload.exit(), upload.output());
        assertTrue(upload.output().contains("3 rows, 2 ok, 1 failed"), upload.output());

        Run single = arbor("vars", "session", "--code", code, "dice_roll=4");
        assertEquals(0, single.exit(), single.output());

        JsonObject after = Json.createReader(new StringReader(new Http(base).post("/api/get_session/" + code,
                "{\"participant_vars\":[\"age\",\"tags\"],\"session_vars\":[\"dice_roll\"]}").body())).readObject();
        assertEquals(25, after.getJsonArray("participants").getJsonObject(0).getInt("age"));
        assertEquals("[\"a\",\"b\"]", after.getJsonArray("participants").getJsonObject(0).get("tags").toString());
        assertEquals(31, after.getJsonArray("participants").getJsonObject(1).getInt("age"));
        assertEquals(4, after.getInt("dice_roll"));
    }

    @Test
    void exportDownloadsTheSessionsTablesToFiles() throws Exception {
        Run created = arbor("sessions", "create", "-c", "trust", "-n", "2", "--label", "export me", "--json");
        assertEquals(0, created.exit(), created.output());
        String code = Json.createReader(new StringReader(created.output().substring(created.output().indexOf('{'))))
                .readObject().getString("code");
        Path dir = Files.createTempDirectory(Path.of("target"), "export-");

        Path wide = dir.resolve("wide.csv");
        Run csv = arbor("export", code, "--kind", "wide", "--format", "csv", "-o", wide.toString());
        assertEquals(0, csv.exit(), csv.output());
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.DEFAULT
                .parse(Files.newBufferedReader(wide)).getRecords();
        assertEquals(3, rows.size(), "header and one row per participant");
        assertEquals("participant.id_in_session", rows.get(0).get(0));
        int label = rows.get(0).toList().indexOf("session.label");
        assertEquals("export me", rows.get(1).get(label));
        assertTrue(rows.get(0).toList().contains("trust.1.player.payoff"), rows.get(0).toString());

        Path xlsx = dir.resolve("trust.xlsx");
        Run excel = arbor("export", code, "--kind", "app", "--app", "trust", "--format", "xlsx", "-o", xlsx.toString());
        assertEquals(0, excel.exit(), excel.output());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(xlsx))) {
            assertEquals(2, book.getSheetAt(0).getLastRowNum(), "header and two players");
            assertEquals("player.id_in_group", book.getSheetAt(0).getRow(0).getCell(13).getStringCellValue());
        }

        Run missing = arbor("export", "zzzzzzzz", "--kind", "wide", "-o", dir.resolve("none.csv").toString());
        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("Not found: Session"), missing.output());
        assertTrue(!Files.exists(dir.resolve("none.csv")), "a failed download leaves no file");
    }

    /** `arbor bots` as `otree test`: the trust game played to the end by its bots, payoffs as the bots planned. */
    @Test
    void botsPlayAConfigToTheEnd() throws Exception {
        Run run = arbor("bots", "trust", "4", "--json");
        assertEquals(0, run.exit(), run.output());
        JsonObject report = Json.createReader(new StringReader(run.output())).readObject();
        assertTrue(report.getBoolean("passed"), run.output());
        assertEquals(4, report.getInt("num_participants"));
        assertTrue(report.getInt("requests") > 4 * 5, "every bot went through its pages: " + run.output());
        JsonObject session = Json.createReader(new StringReader(new Http(base).get("/api/sessions/"
                + report.getString("code")).body())).readObject();
        assertEquals(4, session.getJsonArray("participants").size());
        for (JsonValue participant : session.getJsonArray("participants")) {
            assertEquals(JsonValue.TRUE, participant.asJsonObject().get("finished"), session.toString());
        }

        Run text = arbor("bots", "survey");
        assertEquals(0, text.exit(), text.output());
        assertTrue(text.output().startsWith("Bots passed: session "), text.output());

        Run unknown = arbor("bots", "nope");
        assertEquals(1, unknown.exit(), unknown.output());
        assertTrue(unknown.output().contains("Session config \"nope\" does not exist."), unknown.output());
    }
}
