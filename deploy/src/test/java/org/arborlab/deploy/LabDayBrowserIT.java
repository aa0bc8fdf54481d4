package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The experimenter's first hour and the lab day in a real browser (Debian's chromium, headless), on one fresh
 * server started by deploy/run under OTREE_AUTH_LEVEL=STUDY: the first login from {@code /}, links with Copy
 * and QR code, the Data page's scope, the monitor's controls (advance, message, dropout, chat) against a
 * participant's own browser, times, rooms, demo sessions, texts people read; at desktop (1366 px) and phone
 * (390 px) widths. Every page visited is checked with axe-core (from the npm registry, see the pom): no serious
 * or critical violation. Screenshots go to {@code target/screenshots/labday/}. Skipped where chromium or
 * chromedriver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabDayBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "labday");
    private static final String PASSWORD = "lab-day-pw";
    private static final String REST_KEY = "lab-day-key";
    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension TABLET = new Dimension(768, 1024);
    static final Dimension PHONE = new Dimension(390, 844);

    private static DeployRun server;
    private static String base;
    private static WebDriver admin;
    private static WebDriver participant;
    private static final List<Path> PROFILES = new ArrayList<>();
    private static String axeScript;
    /** Page → serious or critical axe violations found there (must stay empty). */
    private static final Map<String, List<String>> AXE = new LinkedHashMap<>();
    private static String code;
    private static List<String> participantCodes;
    private static String surveyCode;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
        Path axe = Path.of(System.getProperty("arbor.axe", "target/axe-core/package/axe.min.js"));
        assertTrue(Files.isRegularFile(axe), axe + " is missing: run the integration tests through Maven");
        axeScript = Files.readString(axe, StandardCharsets.UTF_8);
        Files.createDirectories(SCREENSHOTS);
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OTREE_AUTH_LEVEL", "STUDY");
        env.put("OTREE_ADMIN_PASSWORD", PASSWORD);
        env.put("OTREE_REST_KEY", REST_KEY);
        server = DeployRun.start(Files.createTempDirectory(Path.of("target"), "labday-"), env);
        base = server.url().toString();
        admin = browser();
        participant = browser();
    }

    @AfterAll
    static void stop() throws Exception {
        for (WebDriver driver : new WebDriver[] {admin, participant}) {
            if (driver != null) {
                driver.quit();
            }
        }
        for (Path profile : PROFILES) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static WebDriver browser() throws IOException {
        Path profile = Files.createTempDirectory("arbor-chromium");
        PROFILES.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    // --- helpers ---

    private static void open(WebDriver driver, String path) {
        driver.get(base + path);
    }

    private static WebDriverWait waiting(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void size(WebDriver driver, Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** A screenshot under target/screenshots/labday/, named after the page and the width. */
    private static void screenshot(WebDriver driver, String name) throws IOException {
        int width = ((Number) js(driver, "return window.innerWidth;")).intValue();
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + (width < 600 ? "phone" : width < 1000 ? "tablet"
                : "desktop") + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Clicks and waits until the next page replaced this one. */
    private static void clickAndWait(WebDriver driver, By what) {
        WebElement element = driver.findElement(what);
        element.click();
        waiting(driver, 20).until(ExpectedConditions.stalenessOf(element));
    }

    /**
     * Runs axe-core on the page the browser shows and remembers its serious and critical violations under
     * {@code name}; asserts there are none.
     */
    @SuppressWarnings("unchecked")
    private static void axe(WebDriver driver, String name) {
        js(driver, axeScript);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 5)"
                + " .map(function (n) { return n.target.join(' '); }).join(' | '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        List<String> violations = (List<String>) result;
        int width = ((Number) js(driver, "return window.innerWidth;")).intValue();
        AXE.put(name + " @" + width + "px", violations);
        assertTrue(violations.isEmpty(), "axe-core on " + name + " at " + width + " px: " + violations);
    }

    private static JsonObject rest(String method, String path, JsonObject body) {
        HttpResponse<String> response = new Http(server_url()).send(method, path,
                body == null ? null : "application/json", body == null ? null : body.toString(),
                "otree-rest-key", REST_KEY);
        assertTrue(response.statusCode() < 300, method + " " + path + ": " + response.statusCode() + " "
                + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static java.net.URL server_url() {
        try {
            return server.url();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the experimenter's first hour ---

    @Test
    @Order(1)
    void theFirstLoginFromSlashLandsOnTheStartPage() throws Exception {
        open(admin, "/");
        waiting(admin, 10).until(ExpectedConditions.urlContains("/login"));
        axe(admin, "login");
        screenshot(admin, "login");
        admin.findElement(By.id("username")).sendKeys("admin");
        admin.findElement(By.id("password")).sendKeys(PASSWORD);
        clickAndWait(admin, By.cssSelector("form button[type=submit]"));
        assertTrue(admin.getCurrentUrl().endsWith("/demo"), admin.getCurrentUrl());
        assertEquals("Demo", text(admin, "demo-title"));
        assertFalse(admin.getPageSource().contains("Not Found"));
        axe(admin, "demo");
        screenshot(admin, "demo");
    }

    @Test
    @Order(2)
    void startLinksHaveCopyButtonsAndQrCodes() throws Exception {
        JsonObject created = rest("POST", "/api/sessions", Json.createObjectBuilder()
                .add("session_config_name", "trust").add("num_participants", 2).add("label", "lab day").build());
        code = created.getString("code");
        JsonArray people = rest("GET", "/api/sessions/" + code, null).getJsonArray("participants");
        participantCodes = people.stream().map(p -> p.asJsonObject().getString("code")).toList();

        open(admin, "/SessionStartLinks/" + code);
        admin.findElement(By.id("copy-session-wide")).click();
        waiting(admin, 5).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#copy-session-wide + .copy-status"), "Copied"));
        admin.findElement(By.cssSelector("#session-wide-qr summary")).click();
        WebElement qr = admin.findElement(By.cssSelector("#session-wide-qr svg.qr"));
        assertTrue(qr.isDisplayed() && qr.getSize().getWidth() >= 150, "the QR code is shown");
        assertEquals(2, admin.findElements(By.cssSelector("#single-use-links button.copy")).size());
        axe(admin, "links");
        screenshot(admin, "links");
    }

    @Test
    @Order(3)
    void theDataPageNeverExportsAnotherScopeThanTheOneShown() throws Exception {
        surveyCode = rest("POST", "/api/sessions", Json.createObjectBuilder().add("session_config_name", "survey")
                .add("num_participants", 1).build()).getString("code");
        open(admin, "/export");
        assertTrue(text(admin, "export-summary").startsWith("Exporting: All sessions"));
        assertTrue(admin.findElement(By.id("export-downloads")).isDisplayed());
        axe(admin, "data");
        admin.findElement(By.id("scope-one")).click();
        new org.openqa.selenium.support.ui.Select(admin.findElement(By.id("scope-one-session"))).selectByValue(code);
        assertFalse(admin.findElement(By.id("export-downloads")).isDisplayed(),
                "the downloads of all sessions are gone once the choice changed");
        assertTrue(admin.findElement(By.id("export-stale")).isDisplayed());
        screenshot(admin, "data-changed");
        clickAndWait(admin, By.id("show-exports"));
        assertEquals("Exporting: Session " + code, text(admin, "export-summary"));
        String csv = admin.findElement(By.cssSelector("#export-downloads a[data-format=csv]")).getAttribute("href");
        assertTrue(csv.contains("session=" + code), csv);
    }

    @Test
    @Order(4)
    void advanceSlowestMovesThoseWhoStartedAndLeavesAbsentOnesAlone() throws Exception {
        // P1 opens their link and stays on the introduction; P2 never comes
        open(participant, "/InitializeParticipant/" + participantCodes.get(0));
        assertEquals("en", participant.findElement(By.tagName("html")).getAttribute("lang"));
        axe(participant, "participant page");
        screenshot(participant, "participant");
        open(admin, "/SessionMonitor/" + code);
        waiting(admin, 10).until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        admin.findElement(By.id("advance-slowest")).click();
        String question = admin.switchTo().alert().getText();
        assertTrue(question.startsWith("Advance the slowest participants?"), question);
        admin.switchTo().alert().accept();
        waiting(admin, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Advanced P1 by one page."));
        List<?> pages = (List<?>) js(admin, "return Array.from(document.querySelectorAll('#monitor-table td.page'))"
                + ".map(function (c) { return c.textContent.trim(); });");
        assertEquals("", pages.get(1), "P2, who never opened the link, was not started: " + pages);
        axe(admin, "monitor");
        screenshot(admin, "monitor");
    }


    /** Ticks a participant's box in the monitor table. */
    private static void tick(String participantCode) {
        WebElement box = admin.findElement(By.id("pick-" + participantCode));
        if (!box.isSelected()) {
            box.click();
        }
    }

    @Test
    @Order(5)
    void theExperimenterMessagesChatsAdvancesAndMarksDropoutsFromTheMonitor() throws Exception {
        String p1 = participantCodes.get(0);
        String p2 = participantCodes.get(1);
        open(admin, "/SessionMonitor/" + code);
        waiting(admin, 10).until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        // a message to P1, shown on the page P1 has open, at once
        tick(p1);
        admin.findElement(By.id("message")).sendKeys("Please raise your hand if you have a question.");
        clickAndWait(admin, By.id("send-message"));
        assertTrue(text(admin, "messages").contains("Message sent to P1."), text(admin, "messages"));
        waiting(participant, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("arbor-notice")));
        assertEquals("Experimenter: Please raise your hand if you have a question.", text(participant, "arbor-notice"));
        screenshot(participant, "participant-message");

        // P1 writes in the chat; the experimenter reads it on the monitor and answers; P1 sees the answer
        participant.findElement(By.id("arbor-chat-body")).sendKeys("Is the amount in points?");
        participant.findElement(By.id("arbor-chat-send")).click();
        waiting(participant, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("arbor-chat-messages"), "Is the amount in points?"));
        waiting(admin, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-" + p1), "Chat (1)"));
        admin.findElement(By.id("chat-" + p1)).click();
        waiting(admin, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"),
                "P1: Is the amount in points?"));
        admin.findElement(By.id("chat-body")).sendKeys("Yes, in points.");
        admin.findElement(By.id("chat-send")).click();
        waiting(admin, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"),
                "Experimenter: Yes, in points."));
        waiting(participant, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("arbor-chat-messages"), "Experimenter: Yes, in points."));
        assertEquals("Experimenter: Yes, in points.", text(participant, "arbor-notice"));
        axe(admin, "monitor with chat");
        screenshot(admin, "monitor-chat");
        axe(participant, "participant page with chat");
        screenshot(participant, "participant-chat");

        // P2 never came: marked as dropout; P1 moved on one page by hand
        open(admin, "/SessionMonitor/" + code);
        tick(p2);
        clickAndWait(admin, By.id("mark-dropout"));
        assertTrue(text(admin, "messages").contains("Marked P2 as dropout."), text(admin, "messages"));
        assertEquals("dropout", admin.findElement(By.cssSelector("#P2 .dropout-badge")).getText());
        tick(p1);
        String before = admin.findElement(By.cssSelector("#P1 td.page")).getText();
        admin.findElement(By.id("advance-selected")).click();
        admin.switchTo().alert().accept();
        waiting(admin, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Advanced P1 by one page."));
        assertFalse(before.equals(admin.findElement(By.cssSelector("#P1 td.page")).getText()), "P1 moved on");

        // the transcript in oTree's chat export
        List<?> export = (List<?>) ((JavascriptExecutor) admin).executeAsyncScript("var done = arguments[0];"
                + "fetch('/chat_export').then(function (r) { return r.text().then(function (t) {"
                + " done([t, r.headers.get('Content-Disposition'), t.split('\\r\\n').length - 1]); }); });");
        String csv = (String) export.get(0);
        assertTrue(csv.startsWith("session_code,id_in_session,participant_code,channel,nickname,body,timestamp"), csv);
        assertTrue(String.valueOf(export.get(1)).matches("attachment; filename=\"ChatMessages-\\d{4}-\\d\\d-\\d\\d\\.csv\""),
                String.valueOf(export.get(1)));
        assertEquals(4L, ((Number) export.get(2)).longValue(), "CRLF line ends, as oTree (Python's csv): " + csv);
        assertTrue(csv.contains(code + ",1," + p1 + ",experimenter-" + p1 + ",P1,Is the amount in points?,"), csv);
        assertTrue(csv.contains(code + ",,,experimenter-" + p1 + ",Experimenter,\"Yes, in points.\","), csv);
        // the audit log names each action in words
        open(admin, "/audit");
        String audit = text(admin, "audit");
        for (String action : List.of("session.chat_message", "session.mark_dropout", "session.advance_participants",
                "session.advance_slowest")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
        assertFalse(audit.contains("CreateSession["), "no Java record dumps: " + audit);
        axe(admin, "audit");
        screenshot(admin, "audit");
    }

    @Test
    @Order(6)
    void aSecondSessionInARoomIsRefusedUnlessTheExperimenterReplacesIt() throws Exception {
        String first = rest("POST", "/api/sessions", Json.createObjectBuilder().add("session_config_name", "trust")
                .add("num_participants", 2).add("room_name", "econ101").build()).getString("code");
        open(admin, "/create_session");
        new org.openqa.selenium.support.ui.Select(admin.findElement(By.id("session_config"))).selectByValue("trust");
        admin.findElement(By.id("num_participants")).sendKeys("2");
        new org.openqa.selenium.support.ui.Select(admin.findElement(By.id("room_name"))).selectByValue("econ101");
        clickAndWait(admin, By.id("create-button"));
        assertTrue(text(admin, "error-room_name").contains("already has session " + first), text(admin, "error-room_name"));
        assertEquals("true", admin.findElement(By.id("room_name")).getAttribute("aria-invalid"));
        assertEquals("error-room_name", admin.findElement(By.id("room_name")).getAttribute("aria-describedby"));
        axe(admin, "create session with an error");
        screenshot(admin, "create-session-room-taken");
        admin.findElement(By.id("replace_room_session")).click();
        new org.openqa.selenium.support.ui.Select(admin.findElement(By.id("session_config"))).selectByValue("trust");
        clickAndWait(admin, By.id("create-button"));
        waiting(admin, 10).until(ExpectedConditions.urlContains("/SessionStartLinks/"));
        assertTrue(admin.findElement(By.id("room-links")).isDisplayed());
        WebElement bypass = admin.findElement(By.id("bypass-links"));
        assertEquals(null, bypass.getAttribute("open"), "the links that bypass the room are folded away");
        assertTrue(bypass.getText().contains("Links that bypass the room"));
        axe(admin, "room session links");
        screenshot(admin, "room-session-links");
        open(admin, "/room_without_session/my_room");
        waiting(admin, 10).until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        // someone arrives in a room without a session yet: the room page updates and still says live
        open(participant, "/room/my_room");
        waiting(admin, 10).until(d -> Integer.parseInt(String.valueOf(js(d,
                "return document.body.getAttribute('data-refreshes') || '0';"))) >= 1);
        assertEquals("live", text(admin, "live-status"), "the live status survives an update");
        axe(admin, "room");
    }

    @Test
    @Order(7)
    void demoSessionsAreCreatedByTheButtonAndListed() throws Exception {
        open(admin, "/demo/survey");
        assertTrue(admin.findElement(By.id("config-survey")).getAttribute("class").contains("chosen"));
        int before = admin.findElements(By.cssSelector("#demo-sessions tbody tr")).size();
        open(admin, "/demo/survey");
        assertEquals(before, admin.findElements(By.cssSelector("#demo-sessions tbody tr")).size(),
                "opening a config's address creates nothing");
        clickAndWait(admin, By.id("create-demo-survey"));
        waiting(admin, 10).until(ExpectedConditions.urlContains("/SessionStartLinks/"));
        String demo = text(admin, "session-code");
        assertTrue(admin.findElement(By.id("new-demo-session")).isDisplayed());
        open(admin, "/SessionSplitScreen/" + demo);
        assertEquals(1, admin.findElements(By.cssSelector(".split-screen iframe")).size(), "one frame per participant");
        axe(admin, "split screen");
        open(admin, "/sessions");
        assertFalse(admin.getPageSource().contains(demo), "demo sessions stay out of Sessions");
        open(admin, "/demo");
        assertTrue(text(admin, "demo-sessions").contains(demo));
        assertEquals(before + 1, admin.findElements(By.cssSelector("#demo-sessions tbody tr")).size());
        axe(admin, "demo with sessions");
        screenshot(admin, "demo-sessions");
    }

    @Test
    @Order(8)
    void participantPagesSpeakToPeopleAndTieErrorsToTheirFields() throws Exception {
        open(participant, "/InitializeParticipant/zzzzzzzz");
        String page = participant.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("This link does not work: no participant has the code zzzzzzzz."), page);
        assertFalse(page.contains("{'code'"), page);
        axe(participant, "unknown participant");

        String surveyParticipant = rest("GET", "/api/sessions/" + surveyCode, null).getJsonArray("participants")
                .getJsonObject(0).getString("code");
        open(participant, "/InitializeParticipant/" + surveyParticipant);
        assertFalse(participant.findElements(By.cssSelector("fieldset.arbor-choices > legend")).isEmpty(),
                "a radio group's question is its fieldset's legend");
        clickAndWait(participant, By.cssSelector("button.arbor-next"));
        List<WebElement> invalid = participant.findElements(By.cssSelector("[aria-invalid=true][aria-describedby]"));
        assertFalse(invalid.isEmpty(), "fields with errors are marked");
        for (WebElement field : invalid) {
            String message = participant.findElement(By.id(field.getAttribute("aria-describedby"))).getText();
            assertFalse(message.isBlank(), "the error of " + field.getAttribute("name"));
        }
        axe(participant, "survey with errors");
        screenshot(participant, "survey-errors");
        // reloading the answer to the failed post shows the page afresh instead of posting again
        participant.navigate().refresh();
        waiting(participant, 10).until(d -> d.findElements(By.cssSelector("[aria-invalid=true]")).isEmpty());
    }

    @Test
    @Order(9)
    void timesSayHowLongAgoAndShowTheViewersTimeZone() throws Exception {
        open(admin, "/sessions");
        String created = admin.findElement(By.cssSelector("#sessions-table time")).getText();
        assertTrue(created.equals("just now") || created.endsWith("minutes ago") || created.endsWith("minute ago"),
                created);
        open(admin, "/audit");
        WebElement when = admin.findElement(By.cssSelector("#audit time"));
        assertTrue(when.getAttribute("title").endsWith("UTC"), "UTC in the tooltip: " + when.getAttribute("title"));
        assertTrue(when.getText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"), when.getText());
    }

    @Test
    @Order(10)
    void theOnceShownApiTokenHasACopyButtonAndARevokedTokenSaysSo() throws Exception {
        open(admin, "/api_tokens");
        admin.findElement(By.id("name")).sendKeys("Qualtrics");
        admin.findElement(By.id("scope-SESSIONS_READ")).click();
        clickAndWait(admin, By.id("create-button"));
        admin.findElement(By.id("copy-token")).click();
        waiting(admin, 5).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#copy-token + .copy-status"), "Copied"));
        axe(admin, "API tokens");
        screenshot(admin, "api-tokens");
        WebElement row = admin.findElement(By.cssSelector("#tokens tbody tr"));
        assertEquals("active", row.findElement(By.cssSelector(".token-status")).getText());
        WebElement revoke = row.findElement(By.cssSelector("button.danger"));
        revoke.click();
        admin.switchTo().alert().accept();
        waiting(admin, 20).until(ExpectedConditions.stalenessOf(revoke));
        WebElement revoked = admin.findElement(By.cssSelector("#tokens tbody tr"));
        assertTrue(revoked.getAttribute("class").contains("token-inactive"), revoked.getAttribute("class"));
        assertTrue(revoked.findElement(By.cssSelector(".token-status")).getText().startsWith("revoked"));
    }

    @Test
    @Order(50)
    void atPhoneWidthTheNavigationStaysOneRowAndWideTablesSayTheyScroll() throws Exception {
        size(admin, PHONE);
        try {
            open(admin, "/SessionMonitor/" + code);
            long navHeight = ((Number) js(admin, "return document.querySelector('.topbar nav').offsetHeight;"))
                    .longValue();
            assertTrue(navHeight < 50, "the navigation is one row: " + navHeight + " px");
            waiting(admin, 5).until(ExpectedConditions.attributeContains(By.cssSelector("#monitor"), "class",
                    "scrolls"));
            assertTrue(admin.findElement(By.cssSelector(".scroll-hint")).isDisplayed());
            assertEquals("0", admin.findElement(By.id("monitor")).getAttribute("tabindex"));
            axe(admin, "monitor");
            screenshot(admin, "monitor");
            for (String page : List.of("/demo", "/sessions", "/export", "/SessionStartLinks/" + code, "/rooms")) {
                open(admin, page);
                axe(admin, page);
                screenshot(admin, page.replaceAll("^/|/" + code, "").replace('/', '_'));
            }
            open(participant, "/InitializeParticipant/" + participantCodes.get(0));
            size(participant, PHONE);
            axe(participant, "participant page");
            screenshot(participant, "participant");
        } finally {
            size(admin, DESKTOP);
            size(participant, DESKTOP);
        }
    }

    @Test
    @Order(55)
    void atTabletWidthTheMonitorAndDataKeepTheirKeyColumnInView() throws Exception {
        size(admin, TABLET);
        try {
            for (String page : List.of("/SessionMonitor/" + code, "/SessionData/" + code, "/demo")) {
                open(admin, page);
                long navHeight = ((Number) js(admin, "return document.querySelector('.topbar nav').offsetHeight;"))
                        .longValue();
                assertTrue(navHeight < 50, page + ": the navigation is one row: " + navHeight + " px");
                axe(admin, page);
                screenshot(admin, page.replaceAll("^/|/" + code, "").replace('/', '_'));
            }
        } finally {
            size(admin, DESKTOP);
        }
    }

    @Test
    @Order(60)
    void loggingOutSaysSo() throws Exception {
        open(admin, "/demo");
        clickAndWait(admin, By.id("logout"));
        assertEquals("You have been logged out.", text(admin, "logged-out"));
        axe(admin, "logged out");
    }

    @Test
    @Order(99)
    void summary() {
        System.out.println("axe-core serious/critical violations per page: " + AXE);
        AXE.forEach((page, violations) -> assertTrue(violations.isEmpty(), page + ": " + violations));
    }
}
