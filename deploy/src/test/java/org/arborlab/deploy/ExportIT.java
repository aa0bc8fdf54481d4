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
import org.arborlab.control.engine.BotReport;
import org.arborlab.control.engine.BotRunner;
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
        return RealWar.load().addClass(ExportIT.class);
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
}
