package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.arborlab.control.engine.features.BotReport;
import org.arborlab.control.engine.features.BotRunner;
import org.arborlab.control.admin.SessionAdminService;
import org.arborlab.control.session.CreateSession;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Extra models on the real server: the sample reaction-time task played by its bots over HTTP, its trials (an extra
 * model) in the database and in the app's custom export, not in the per-app export; and the time of a page load
 * with and without 10,000 trials for the participant.
 */
@ExtendWith(ArquillianExtension.class)
class ExtraModelsIT {
    private static final int TRIALS = 6;
    private static final int PRACTICE = 2;

    /** The real WAR, with the example study's reaction config and a test app's (through MicroProfile Config). */
    @Deployment
    static WebArchive deployment() throws IOException {
        Path settings = Path.of("target", "it-settings", "extra-models.json").toAbsolutePath();
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{\"SESSION_CONFIGS\": [{\"name\": \"reaction\", \"app_sequence\": [\"reaction\"],"
                + " \"num_demo_participants\": 1, \"num_trials\": 20},"
                + " {\"name\": \"rollback\", \"app_sequence\": [\"rollback\"]}]}", StandardCharsets.UTF_8);
        return RealWar.load().addClasses(ExtraModelsIT.class, Http.class, Browser.class, RollbackGame.class)
                .addAsResource(new StringAsset("ARBOR_SETTINGS=" + settings + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Inject
    BotRunner bots;

    @Inject
    SessionService sessions;

    @Inject
    SessionAdminService admin;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Test
    void botsPlayTheReactionTaskAndTheCustomExportHasEveryTrial() throws Exception {
        String code = bots.createBotSession("reaction", 2,
                Json.createObjectBuilder().add("num_trials", TRIALS).build());
        BotReport report = bots.run(code, base.toURI(), Duration.ofMinutes(3));
        assertTrue(report.passed(), report.failures().toString());

        Session session = sessions.find(new SessionCode(code)).orElseThrow();
        long stored = em.createQuery("select count(r) from ExtraModelRow r where r.session = :s", Long.class)
                .setParameter("s", session).getSingleResult();
        assertEquals(2L * TRIALS, stored, "the practice trials were deleted");

        Http http = new Http(base);
        HttpResponse<String> response = http.get("/api/sessions/" + code + "/export?kind=custom&app=reaction");
        assertEquals(200, response.statusCode(), response.body());
        List<CSVRecord> rows = csv(response.body());
        assertEquals(List.of("session_code", "participant_code", "id_in_group", "round_number", "trial", "stimulus",
                "response", "reaction_time", "correct"), rows.get(0).toList());
        assertEquals(1 + 2 * TRIALS, rows.size(), "header, then one row per trial of each participant");
        List<Participant> participants = sessions.participants(session);
        for (int i = 1; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            int p = (i - 1) / TRIALS;
            int trial = PRACTICE + 1 + (i - 1) % TRIALS;
            String where = "row " + i;
            assertEquals(code, row.get(0), where);
            assertEquals(participants.get(p).getCode().value(), row.get(1), where);
            assertEquals(String.valueOf(p + 1), row.get(2), where);
            assertEquals("1", row.get(3), where);
            assertEquals(String.valueOf(trial), row.get(4), where);
            assertTrue(Set.of("left", "right").contains(row.get(5)), where);
            boolean correct = trial != PRACTICE + 1;
            String right = row.get(5).equals("left") ? "F" : "J";
            assertEquals(correct, row.get(6).equals(right), where + ": the bot's key");
            assertEquals(String.valueOf(300 + 10 * trial), row.get(7), where);
            assertEquals(correct ? "1" : "0", row.get(8), where);
        }
        // the per-app export stays as it was: one row per player, no trial columns
        HttpResponse<String> app = http.get("/api/sessions/" + code + "/export?kind=app&app=reaction");
        assertEquals(200, app.statusCode(), app.body());
        List<CSVRecord> appRows = csv(app.body());
        assertEquals(1 + 2, appRows.size());
        assertFalse(appRows.get(0).toList().stream().anyMatch(c -> c.contains("stimulus") || c.contains("Trial")),
                appRows.get(0).toList().toString());
        assertTrue(appRows.get(0).toList().contains("player.numCorrect"), appRows.get(0).toList().toString());
        int numCorrect = appRows.get(0).toList().indexOf("player.numCorrect");
        assertEquals(String.valueOf(TRIALS - 1), appRows.get(1).get(numCorrect));
    }

    /**
     * 10,000 trials for one participant, made by the app's {@code creatingSession} through the engine: the
     * instructions page, which does not ask for them, loads as fast as with 20 trials; the task page, which asks
     * for all of them, is timed too. The figures go to the
     * server's output and to {@code arbor-extra-models-figures.txt} in its temporary folder.
     */
    @Test
    void tenThousandTrialsDoNotSlowAPageThatDoesNotReadThem() throws Exception {
        long start = System.nanoTime();
        Session few = sessions.create(new CreateSession("reaction", 1,
                Json.createObjectBuilder().add("num_trials", 20).build(), null, "", false));
        long fewCreated = System.nanoTime() - start;
        start = System.nanoTime();
        Session many = sessions.create(new CreateSession("reaction", 1,
                Json.createObjectBuilder().add("num_trials", 10_000).build(), null, "", false));
        long manyCreated = System.nanoTime() - start;
        assertEquals(10_000L + PRACTICE, em.createQuery("select count(r) from ExtraModelRow r where r.session = :s",
                Long.class).setParameter("s", many).getSingleResult());

        Browser fewBrowser = new Browser(base);
        Browser manyBrowser = new Browser(base);
        Browser.Page fewIntro = fewBrowser.get("/InitializeParticipant/" + code(few));
        Browser.Page manyIntro = manyBrowser.get("/InitializeParticipant/" + code(many));
        assertEquals("reaction/1/Introduction/1", fewIntro.marker(), fewIntro.html());
        assertEquals("reaction/1/Introduction/1", manyIntro.marker(), manyIntro.html());
        // warm-up, then alternate so that a change in the machine's load hits both alike
        for (int i = 0; i < 10; i++) {
            fewBrowser.get(fewIntro.path());
            manyBrowser.get(manyIntro.path());
        }
        List<Long> fewTimes = new ArrayList<>();
        List<Long> manyTimes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fewTimes.add(time(fewBrowser, fewIntro.path(), "Introduction"));
            manyTimes.add(time(manyBrowser, manyIntro.path(), "Introduction"));
        }
        Browser.Page fewTask = fewBrowser.submit(fewIntro, Map.of());
        Browser.Page manyTask = manyBrowser.submit(manyIntro, Map.of());
        assertEquals("Task", manyTask.pageName(), manyTask.html());
        assertTrue(manyTask.html().split("<li>").length > 10_000, "the task page lists every arrow");
        List<Long> fewTaskTimes = new ArrayList<>();
        List<Long> manyTaskTimes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fewTaskTimes.add(time(fewBrowser, fewTask.path(), "Task"));
            manyTaskTimes.add(time(manyBrowser, manyTask.path(), "Task"));
        }
        long exportStart = System.nanoTime();
        HttpResponse<String> export = new Http(base).get("/api/sessions/" + many.getCode().value()
                + "/export?kind=custom&app=reaction");
        long exportTime = System.nanoTime() - exportStart;
        assertEquals(200, export.statusCode(), export.body());
        assertEquals(1 + 10_000 + PRACTICE, csv(export.body()).size(), "header and every trial (none answered)");
        String figures = String.format(java.util.Locale.ROOT, "Extra models, %s: creating a session of 1"
                + " participant with 22 trials %.0f ms, with 10,002 trials %.0f ms; instructions page (does not"
                + " read the trials), median of 30 loads: %.1f ms with 22 trials, %.1f ms with 10,002; task page"
                + " (reads and lists every trial), median of 5: %.1f ms with 22, %.1f ms with 10,002; custom export"
                + " of the 10,002 trials as CSV over HTTP %.0f ms; load average %.1f%n", database(),
                fewCreated / 1e6, manyCreated / 1e6,
                median(fewTimes) / 1e6, median(manyTimes) / 1e6, median(fewTaskTimes) / 1e6,
                median(manyTaskTimes) / 1e6, exportTime / 1e6, loadAverage());
        System.out.print(figures);
        report(figures);
        // generous on a shared machine: the point is that the page does not read the 10,000 trials at all
        assertTrue(median(manyTimes) < 2 * median(fewTimes) + 50_000_000L, figures);
    }

    /** A page whose hook fails after creating records writes none of them; the same page done right writes both. */
    @Test
    void aFailingPageWritesNoRecord() {
        Session session = sessions.create(CreateSession.of("rollback", 1));
        Browser browser = new Browser(base);
        Browser.Page page = browser.get("/InitializeParticipant/" + code(session));
        assertEquals("rollback/1/Write/1", page.marker(), page.html());
        Browser.Page error = browser.submit(page, Map.of("fail", "1"));
        assertEquals(500, error.status(), error.html());
        assertTrue(error.contains(RollbackGame.MESSAGE), error.html());
        assertEquals(0L, records(session), "the failed page's records were rolled back");
        Browser.Page done = browser.submit(browser.get(page.path()), Map.of("fail", "0"));
        assertEquals("Done", done.pageName(), done.html());
        assertEquals(2L, records(session));
        assertEquals(2, em.createQuery("select p from Player p where p.session = :s", Player.class)
                .setParameter("s", session).getSingleResult().getFields().getInt("written"));
        // deleting the session deletes its records
        long id = session.getId();
        assertEquals(1, admin.delete(List.of(session.getCode().value())));
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM arbor_extra_model WHERE session_id = ?")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    private long records(Session session) {
        em.clear();
        return em.createQuery("select count(r) from ExtraModelRow r where r.session = :s", Long.class)
                .setParameter("s", session).getSingleResult();
    }

    private static long time(Browser browser, String path, String page) {
        long start = System.nanoTime();
        Browser.Page shown = browser.get(path);
        long took = System.nanoTime() - start;
        assertEquals(page, shown.pageName(), shown.html());
        return took;
    }

    private String code(Session session) {
        return sessions.participants(session).get(0).getCode().value();
    }

    private static String database() {
        String url = System.getenv("DATABASE_URL");
        return url == null || url.isEmpty() ? "H2" : "MariaDB";
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void report(String figures) throws IOException {
        Path file = Path.of(System.getProperty("java.io.tmpdir")).resolve("arbor-extra-models-figures.txt");
        Files.writeString(file, figures, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<CSVRecord> csv(String body) throws IOException {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(body))) {
            return parser.getRecords();
        }
    }
}
