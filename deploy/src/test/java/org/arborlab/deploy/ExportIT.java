package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;
import org.arborlab.control.export.ExportFormat;
import org.arborlab.control.export.ExportKind;
import org.arborlab.control.export.ExportService;
import org.arborlab.entity.ParticipantLabel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exports of sessions that bots played to the end (several sessions, apps and rounds, a label, the
 * {@code finished} participant field, page times), checked cell by cell against the bots' decisions; the CSV
 * parses with a standard reader and the .xlsx holds the same cells.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {

    @Deployment
    static WebArchive deployment() {
        return RealWar.load().addClasses(ExportIT.class, Http.class, BrokenExportGame.class,
                BrokenExportGame.Only.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    BotRunner bots;

    @Inject
    ExportService exports;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Resource
    UserTransaction tx;

    private String trustThenSurvey;
    private String publicGoods;

    @BeforeEach
    void playTwoSessions() throws Exception {
        trustThenSurvey = bots.createBotSession("trust_then_survey", 2);
        publicGoods = bots.createBotSession("public_goods", 3);
        for (String code : List.of(trustThenSurvey, publicGoods)) {
            BotReport report = bots.run(code, base.toURI(), Duration.ofMinutes(3));
            assertTrue(report.passed(), report.failures().toString());
        }
        tx.begin();
        em.createQuery("select p from Participant p where p.session.code.value = :code and p.idInSession = 2",
                org.arborlab.entity.Participant.class).setParameter("code", trustThenSurvey).getSingleResult()
                .setLabel(new ParticipantLabel("LAB_2"));
        tx.commit();
    }

    private byte[] export(ExportKind kind, ExportFormat format, String app, String... sessions) throws Exception {
        ExportService.Request request = new ExportService.Request(kind, format, List.of(sessions), app);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(request, exports.check(request), out);
        return out.toByteArray();
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        return CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
    }

    private static Map<String, String> row(List<CSVRecord> table, int index) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < table.get(0).size(); i++) {
            cells.put(table.get(0).get(i), table.get(index).get(i));
        }
        return cells;
    }

    @Test
    void wideExportOfTwoPlayedSessions() throws Exception {
        List<CSVRecord> wide = csv(export(ExportKind.WIDE, ExportFormat.CSV, null, trustThenSurvey, publicGoods));
        assertEquals(1 + 2 + 3, wide.size(), "header and one row per participant");
        List<String> header = wide.get(0).toList();
        assertEquals("participant.id_in_session", header.get(0));
        assertTrue(header.indexOf("participant.finished") == 13, header.toString());
        for (String column : List.of("trust.1.player.payoff", "trust.1.group.sentAmount",
                "trust.1.group.sentBackAmount", "survey.1.player.age", "survey.1.player.comments",
                "public_goods.3.player.payoff", "session.config.participation_fee")) {
            assertTrue(header.contains(column), column + " in " + header);
        }
        // oTree's app order: the sequence with the most participants (public_goods, 3), then the rest by name
        assertTrue(header.indexOf("public_goods.3.subsession.round_number") < header.indexOf("survey.1.player.id_in_group"));
        assertTrue(header.indexOf("survey.1.subsession.round_number") < header.indexOf("trust.1.player.id_in_group"));

        Map<String, String> a = row(wide, 1);
        Map<String, String> b = row(wide, 2);
        assertEquals(trustThenSurvey, a.get("session.code"));
        assertEquals("1", a.get("participant._is_bot"));
        assertEquals("1", a.get("participant.visited"));
        assertEquals("", a.get("participant.label"));
        assertEquals("LAB_2", b.get("participant.label"));
        // the trust bots: A sends 4 of 10, B sends back 5 of the 12: A ends with 11, B with 7
        assertEquals("4", a.get("trust.1.group.sentAmount"));
        assertEquals("5", a.get("trust.1.group.sentBackAmount"));
        assertEquals("11", a.get("trust.1.player.payoff"));
        assertEquals("7", b.get("trust.1.player.payoff"));
        assertEquals("1", a.get("trust.1.player.id_in_group"));
        assertEquals("2", b.get("trust.1.player.id_in_group"));
        // the survey bots' answers
        assertEquals("30", a.get("survey.1.player.age"));
        assertEquals("Female", a.get("survey.1.player.gender"));
        assertEquals("1", a.get("survey.1.player.student"));
        assertEquals("7.5", a.get("survey.1.player.hoursOfSleep"));
        assertEquals("Schön, danke! <b>not bold</b>", a.get("survey.1.player.comments"));
        assertEquals("", a.get("public_goods.1.player.id_in_group"), "not in this session: blank");

        Map<String, String> pg = row(wide, 3);
        assertEquals(publicGoods, pg.get("session.code"));
        assertEquals("3", pg.get("public_goods.3.subsession.round_number"));
        assertEquals("", pg.get("trust.1.player.payoff"));
        for (Map<String, String> participant : List.of(a, b, pg)) {
            assertEquals("1", participant.get("participant.finished"), "every app sets finished on its last page");
        }
    }

    @Test
    void perAppExportHasOneRowPerPlayerAndRound() throws Exception {
        List<CSVRecord> table = csv(export(ExportKind.APP, ExportFormat.CSV, "public_goods", publicGoods));
        assertEquals(1 + 3 * 3, table.size());
        List<String> rounds = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            Map<String, String> r = row(table, i);
            rounds.add(r.get("subsession.round_number") + ":" + r.get("player.id_in_group"));
            assertEquals(publicGoods, r.get("session.code"));
        }
        assertEquals(List.of("1:1", "1:2", "1:3", "2:1", "2:2", "2:3", "3:1", "3:2", "3:3"), rounds);
    }

    @Test
    void pageTimesHaveTheArrivalAndEveryPage() throws Exception {
        List<CSVRecord> times = csv(export(ExportKind.PAGE_TIMES, ExportFormat.CSV, null, trustThenSurvey));
        long stored = ((Number) em.createNativeQuery("select count(*) from arbor_page_completion pc join arbor_session s"
                + " on s.id = pc.session_id where s.code = ?1").setParameter(1, trustThenSurvey).getSingleResult())
                .longValue();
        assertEquals(stored + 1, times.size());
        assertTrue(stored > 2 * 5, "each bot completed several pages: " + stored);
        Map<String, String> first = row(times, 1);
        assertEquals("0", first.get("page_index"));
        assertEquals("InitializeParticipant", first.get("page_name"));
        assertTrue(times.stream().skip(1).anyMatch(r -> r.get(4).equals("survey")));
    }

    @Test
    void xlsxHoldsTheSameCellsAsCsv() throws Exception {
        List<CSVRecord> csv = csv(export(ExportKind.WIDE, ExportFormat.CSV, null, trustThenSurvey));
        byte[] xlsx = export(ExportKind.WIDE, ExportFormat.XLSX, null, trustThenSurvey);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertEquals(csv.size() - 1, sheet.getLastRowNum());
            for (int r = 0; r < csv.size(); r++) {
                for (int c = 0; c < csv.get(r).size(); c++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    assertEquals(csv.get(r).get(c), cell == null ? "" : text.formatCellValue(cell),
                            csv.get(0).get(c) + " of row " + r);
                }
            }
        }
    }

    /** The bots' contributions by round and id in group (PublicGoods.BOT_CONTRIBUTIONS); multiplier 2. */
    private static final int[][] CONTRIBUTIONS = {{10, 20, 30}, {0, 50, 100}, {100, 100, 100}};

    @Test
    void customExportOfTwoPlayedSessionsCellByCell() throws Exception {
        String second = bots.createBotSession("public_goods", 3);
        BotReport report = bots.run(second, base.toURI(), Duration.ofMinutes(3));
        assertTrue(report.passed(), report.failures().toString());

        byte[] csvBytes = export(ExportKind.CUSTOM, ExportFormat.CSV, "public_goods", publicGoods, second,
                trustThenSurvey);
        List<CSVRecord> custom = csv(csvBytes);
        assertEquals(List.of("session_code", "participant_code", "participant_label", "round_number", "id_in_group",
                "contribution", "total_contribution", "individual_share", "multiplier", "payoff", "finished"),
                custom.get(0).toList());
        assertEquals(1 + 2 * 9, custom.size(), "header, then 3 players x 3 rounds of each public_goods session");
        // the standard per-app export lists the same players in the same order (by id)
        List<CSVRecord> app = csv(export(ExportKind.APP, ExportFormat.CSV, "public_goods", publicGoods, second));
        for (int i = 1; i < custom.size(); i++) {
            Map<String, String> c = row(custom, i);
            Map<String, String> a = row(app, i);
            String session = i <= 9 ? publicGoods : second;
            int round = (i - 1) % 9 / 3 + 1;
            int id = Integer.parseInt(c.get("id_in_group"));
            int[] contributions = CONTRIBUTIONS[round - 1];
            int total = contributions[0] + contributions[1] + contributions[2];
            int share = total * 2 / 3;
            String where = "row " + i;
            assertEquals(session, c.get("session_code"), where);
            assertEquals(a.get("participant.code"), c.get("participant_code"), where);
            assertEquals("", c.get("participant_label"), where);
            assertEquals(String.valueOf(round), c.get("round_number"), where);
            assertEquals(a.get("player.id_in_group"), c.get("id_in_group"), where);
            assertEquals(String.valueOf(contributions[id - 1]), c.get("contribution"), where);
            assertEquals(a.get("player.contribution"), c.get("contribution"), where);
            assertEquals(String.valueOf(total), c.get("total_contribution"), where);
            assertEquals(String.valueOf(share), c.get("individual_share"), where);
            assertEquals("2", c.get("multiplier"), where);
            assertEquals(String.valueOf(100 - contributions[id - 1] + share), c.get("payoff"), where);
            assertEquals(a.get("player.payoff"), c.get("payoff"), where);
            assertEquals("1", c.get("finished"), where);
        }
        // the .xlsx has the same cells
        assertXlsxEqualsCsv(custom, export(ExportKind.CUSTOM, ExportFormat.XLSX, "public_goods", publicGoods, second,
                trustThenSurvey));
        // one session of the two
        List<CSVRecord> one = csv(export(ExportKind.CUSTOM, ExportFormat.CSV, "public_goods", second));
        assertEquals(custom.subList(10, 19).stream().map(CSVRecord::toList).toList(),
                one.subList(1, 10).stream().map(CSVRecord::toList).toList());
        // the whole database holds both sessions' rows (and those other tests played)
        List<CSVRecord> all = csv(export(ExportKind.CUSTOM, ExportFormat.CSV, "public_goods"));
        List<List<String>> allRows = all.stream().map(CSVRecord::toList).toList();
        assertTrue(allRows.containsAll(custom.stream().map(CSVRecord::toList).toList()));

        // over REST: a chosen set, the whole database, one session; the same bytes as the service wrote
        Http http = new Http(base);
        HttpResponse<byte[]> chosen = getBytes("/api/export?kind=custom&app=public_goods&session=" + publicGoods
                + "&session=" + second + "&session=" + trustThenSurvey);
        assertEquals(200, chosen.statusCode());
        assertEquals(new String(csvBytes, StandardCharsets.UTF_8), new String(chosen.body(), StandardCharsets.UTF_8));
        assertTrue(chosen.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"public_goods_custom-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        HttpResponse<byte[]> xlsx = getBytes("/api/sessions/" + second
                + "/export?kind=custom&app=public_goods&format=xlsx");
        assertEquals(200, xlsx.statusCode());
        assertXlsxEqualsCsv(one, xlsx.body());
        assertEquals(200, http.get("/api/export?kind=custom&app=public_goods").statusCode());
        assertEquals(200, http.get("/api/export/?kind=wide&format=csv").statusCode());
        HttpResponse<String> wideChosen = http.get("/api/export?session=" + publicGoods + "&session=" + second);
        assertEquals(1 + 6, csv(wideChosen.body().getBytes(StandardCharsets.UTF_8)).size());
        // and the errors: no app, an app without a custom export, an unknown session
        assertProblem(http.get("/api/export?kind=custom"), 400, "kind=custom needs the parameter app");
        assertProblem(http.get("/api/sessions/" + second + "/export?kind=custom&app=trust"), 404,
                "App trust has no custom export");
        assertProblem(http.get("/api/export?kind=custom&app=nope"), 404, "App nope not found");
        assertProblem(http.get("/api/export?session=" + second + "&session=zzzzzzzz"), 404, "Not found: Session");
    }

    @Test
    void dataPageOffersEveryTableForAllOneOrChosenSessionsAndItsDownloadsStream() throws Exception {
        Http http = new Http(base);
        HttpResponse<String> page = http.get("/export");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<h1>Data</h1>"), html);
        assertTrue(html.contains("All sessions ("), html);
        assertEquals(200, http.get("/export/").statusCode(), "with or without a trailing slash");
        for (String link : List.of("kind=wide&amp;format=csv", "kind=wide&amp;format=xlsx",
                "kind=app&amp;app=public_goods&amp;format=csv", "kind=app&amp;app=trust&amp;format=xlsx",
                "kind=app&amp;app=survey&amp;format=csv", "kind=custom&amp;app=public_goods&amp;format=csv",
                "kind=custom&amp;app=public_goods&amp;format=xlsx", "kind=page_times&amp;format=csv")) {
            assertTrue(html.contains("/export/download?" + link + "\""), link + " in " + html);
        }
        assertTrue(html.contains("public_goods (custom_export)"), html);
        assertTrue(!html.contains("kind=custom&amp;app=trust"), "trust has no custom export");
        assertTrue(!html.contains("broken_export"), "as in oTree, only apps with data are listed");
        assertEquals(1, count(html, "checked=\"checked\""), "only the 'all sessions' radio is checked: " + html);

        // a chosen set: its links name the sessions, its boxes are ticked
        HttpResponse<String> chosenPage = http.get("/export?scope=chosen&session=" + publicGoods + "&session="
                + trustThenSurvey);
        assertEquals(200, chosenPage.statusCode());
        String chosenHtml = chosenPage.body();
        assertTrue(chosenHtml.contains("/export/download?kind=wide&amp;session=" + publicGoods + "&amp;session="
                + trustThenSurvey + "&amp;format=csv"), chosenHtml);
        assertTrue(chosenHtml.contains("2 chosen sessions"), chosenHtml);
        assertEquals(3, count(chosenHtml, "checked=\"checked\""), "the radio and two boxes: " + chosenHtml);
        HttpResponse<String> onePage = http.get("/export?scope=one&one=" + publicGoods);
        assertTrue(onePage.body().contains("Session " + publicGoods), onePage.body());
        assertTrue(onePage.body().contains("selected=\"selected\""), onePage.body());
        // bad scopes: a message on the page, no links
        HttpResponse<String> unknown = http.get("/export?scope=one&one=zzzzzzzz");
        assertEquals(200, unknown.statusCode());
        assertTrue(unknown.body().contains("Session zzzzzzzz not found."), unknown.body());
        assertTrue(!unknown.body().contains("/export/download?"), unknown.body());
        assertTrue(http.get("/export?scope=chosen").body().contains("Choose at least one session."));

        // the download: oTree's Data-page name, the same bytes as the service, progress recorded under the id
        String query = "kind=custom&app=public_goods&session=" + publicGoods;
        HttpResponse<byte[]> file = getBytes("/export/download?" + query + "&format=csv&progress=test-progress-1");
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"public_goods_custom_\\d{4}-\\d{2}-\\d{2}\\.csv\""),
                file.headers().toString());
        byte[] expected = export(ExportKind.CUSTOM, ExportFormat.CSV, "public_goods", publicGoods);
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(file.body(), StandardCharsets.UTF_8));
        assertEquals("{\"rows\":10,\"done\":true,\"failed\":false}",
                http.get("/export/progress?id=test-progress-1").body());
        assertEquals(404, http.get("/export/progress?id=never-started").statusCode());
        assertEquals("{\"rows\":9}", http.get("/export/count?" + query).body());
        assertEquals("{\"rows\":5}", http.get("/export/count?kind=wide&session=" + publicGoods + "&session="
                + trustThenSurvey).body());

        HttpResponse<byte[]> wide = getBytes("/export/download?kind=wide&format=xlsx&session=" + publicGoods
                + "&session=" + trustThenSurvey);
        assertEquals(200, wide.statusCode());
        assertTrue(wide.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"all_apps_wide_\\d{4}-\\d{2}-\\d{2}\\.xlsx\""));
        assertXlsxEqualsCsv(csv(export(ExportKind.WIDE, ExportFormat.CSV, null, publicGoods, trustThenSurvey)),
                wide.body());
        HttpResponse<byte[]> times = getBytes("/export/download?kind=page_times&format=csv");
        assertTrue(times.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"PageTimes-\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        HttpResponse<byte[]> app = getBytes("/export/download?kind=app&app=trust&format=csv&session="
                + trustThenSurvey);
        assertTrue(app.headers().firstValue("content-disposition").orElse("")
                .matches("attachment; filename=\"trust_\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        assertEquals(1 + 2, csv(app.body()).size());

        // bad downloads: a one-line message and nothing else
        assertMessage(http.get("/export/download?kind=custom&app=trust"), 404, "App trust has no custom export");
        assertMessage(http.get("/export/download?kind=custom"), 400, "kind=custom needs the parameter app");
        assertMessage(http.get("/export/download?session=zzzzzzzz"), 404, "Not found: Session");
        assertMessage(http.get("/export/download?format=pdf"), 400, "format must be csv or xlsx");
        assertMessage(http.get("/export/count?kind=app"), 400, "kind=app needs the parameter app");
        assertEquals(200, http.get("/admin/export.js").statusCode());
    }

    @Test
    void anAppThatIsNoLongerInstalledKeepsItsPerAppExport() throws Exception {
        tx.begin();
        em.createNativeQuery("insert into arbor_subsession (id, session_id, app_name, round_number, fields)"
                + " select 987654321, id, 'retired_app', 1, '{}' from arbor_session where code = ?1")
                .setParameter(1, publicGoods).executeUpdate();
        tx.commit();
        try {
            Http http = new Http(base);
            HttpResponse<String> csv = http.get("/api/sessions/" + publicGoods + "/export?kind=app&app=retired_app");
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.body().startsWith("participant.id_in_session,"), csv.body());
            assertEquals(1, csv(csv.body().getBytes(StandardCharsets.UTF_8)).size(), "a header, no players");
            assertTrue(http.get("/export").body().contains("kind=app&amp;app=retired_app&amp;format=csv"));
            assertProblem(http.get("/api/export?kind=custom&app=retired_app"), 404, "App retired_app not found");
        } finally {
            tx.begin();
            em.createNativeQuery("delete from arbor_subsession where id = 987654321").executeUpdate();
            tx.commit();
        }
    }

    @Test
    void anExportThatFailsHalfWaySaysSoInsteadOfLookingComplete() throws Exception {
        // a CSV is already on its way when the app fails: the container ends the response normally, so the file's
        // last line says that it is incomplete
        for (String path : List.of("/export/download?kind=custom&app=broken_export&progress=broken-csv-1",
                "/api/export?kind=custom&app=broken_export")) {
            HttpResponse<byte[]> csv = getBytes(path);
            assertEquals(200, csv.statusCode(), path);
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            String last = text.substring(text.lastIndexOf("\r\n", text.length() - 3) + 2);
            assertEquals(ExportFormat.FAILED + ": the export stopped before the end; this file is incomplete (see the"
                    + " server log)\r\n", last, path);
            assertTrue(text.startsWith("n,text\r\n0,a row long enough"), path);
        }
        Http http = new Http(base);
        assertEquals("{\"rows\":50001,\"done\":true,\"failed\":true}",
                http.get("/export/progress?id=broken-csv-1").body());
        // an .xlsx is sent only when complete: a failure is a clean error answer
        HttpResponse<String> page = http.get("/export/download?kind=custom&app=broken_export&format=xlsx"
                + "&progress=broken-xlsx-1");
        assertMessage(page, 500, "The export failed on the server (see its log); nothing was saved.");
        assertTrue(http.get("/export/progress?id=broken-xlsx-1").body().contains("\"failed\":true"));
        HttpResponse<String> rest = http.get("/api/export?kind=custom&app=broken_export&format=xlsx");
        assertEquals(500, rest.statusCode(), rest.body());
        assertTrue(rest.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"),
                rest.headers().toString());
        assertTrue(!rest.body().contains("at org.") && !rest.body().contains("Exception"), rest.body());
    }

    private HttpResponse<byte[]> getBytes(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base.toString().replaceAll("/+$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains(detail), response.body());
    }

    private static void assertMessage(HttpResponse<String> response, int status, String text) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        assertTrue(response.body().startsWith(text), response.body());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void assertXlsxEqualsCsv(List<CSVRecord> csv, byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter text = new DataFormatter();
            assertEquals(csv.size() - 1, sheet.getLastRowNum());
            for (int r = 0; r < csv.size(); r++) {
                for (int c = 0; c < csv.get(r).size(); c++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    assertEquals(csv.get(r).get(c), cell == null ? "" : text.formatCellValue(cell),
                            csv.get(0).get(c) + " of row " + r);
                }
            }
        }
    }
}
