package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages in a real browser (Debian's chromium, headless): create a session through the form, open
 * every tab, watch the monitor change while bots play (pushed over the WebSocket, without a reload), read the
 * report of two rounds and the payments. Screenshots of the main pages go to {@code target/screenshots/}.
 * Skipped where chromium or chromedriver is not installed.
 */
@ExtendWith(ArquillianExtension.class)
class AdminBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RealWar.load().addClass(BotHook.class);
    }

    @ArquillianResource
    URL base;

    private WebDriver driver;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("arbor-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private WebDriverWait waiting(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    /** The texts of the elements matching a CSS selector, read at one moment. */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return Array.from("
                + "document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent.trim(); });", css);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Clicks a submit button and waits until the next page replaced this one. */
    private void submit(String buttonId) {
        WebElement button = driver.findElement(By.id(buttonId));
        button.click();
        waiting(20).until(ExpectedConditions.stalenessOf(button));
    }

    private void clickTab(String name) {
        driver.findElement(By.cssSelector("nav.tabs")).findElement(By.linkText(name)).click();
        waiting(10).until(ExpectedConditions.textToBe(By.cssSelector("nav.tabs a.active"), name));
    }

    /**
     * Public goods, 3 bots: contributions (10, 20, 30), (0, 50, 100), (100, 100, 100), multiplier 2: P1 530,
     * P2 470, P3 410 points; at 0.10 per point plus the 5.00 fee: 58.00, 52.00, 46.00; total 156.00, mean 52.00.
     */
    @Test
    void createASessionWatchBotsPlayOnTheMonitorAndReadReportAndPayments() throws Exception {
        open("/");
        assertTrue(driver.findElement(By.id("no-password-warning")).isDisplayed());
        assertTrue(driver.getPageSource().contains("Public goods game (3 players, 3 rounds)"));
        screenshot("demo");

        driver.findElement(By.linkText("Sessions")).click();
        driver.findElement(By.id("create-session")).click();
        new Select(driver.findElement(By.id("session_config"))).selectByValue("public_goods");
        assertTrue(driver.findElement(By.id("public_goods.multiplier")).isDisplayed(), "the chosen config's fields");
        assertFalse(driver.findElement(By.id("trust.num_apples")).isDisplayed(), "other configs' fields are hidden");
        driver.findElement(By.id("num_participants")).sendKeys("4");
        driver.findElement(By.id("label")).sendKeys("browser test");
        screenshot("create_session");
        submit("create-button");
        assertTrue(text("error-num_participants").contains("not a multiple of group size (3)"), "error on the form");
        WebElement number = driver.findElement(By.id("num_participants"));
        number.clear();
        number.sendKeys("3");
        new Select(driver.findElement(By.id("session_config"))).selectByValue("public_goods");
        submit("create-button");
        waiting(10).until(ExpectedConditions.urlContains("/SessionStartLinks/"));
        String code = text("session-code");
        assertEquals(3, driver.findElements(By.cssSelector("#single-use-links tbody tr")).size());
        screenshot("links");

        clickTab("Monitor");
        waiting(10).until(ExpectedConditions.textToBe(By.id("live-status"), "live"));
        assertEquals("0/3", text("started-count"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.arborNoReload = 'same page';");
        CompletableFuture<HttpResponse<String>> botsPlaying = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(url("/test-hooks/bots?code=" + code)))
                        .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        Set<String> seen = new LinkedHashSet<>();
        long deadline = System.currentTimeMillis() + 90_000;
        String finished = "(finished)|(finished)|(finished)";
        String state = "";
        while (System.currentTimeMillis() < deadline && !state.endsWith(finished)) {
            state = (String) js.executeScript("return document.getElementById('started-count').textContent + ' '"
                    + " + Array.from(document.querySelectorAll('#monitor-table td.page')).map(function (c) {"
                    + " return c.textContent.trim(); }).join('|');");
            seen.add(state);
            Thread.sleep(30);
        }
        assertEquals("passed", botsPlaying.get().body());
        assertTrue(state.endsWith(finished), "the monitor shows everyone finished: " + seen);
        assertTrue(seen.size() >= 2, "the monitor changed while the bots played: " + seen);
        assertEquals("same page", js.executeScript("return window.arborNoReload;"), "updated without a reload");
        assertTrue(Integer.parseInt(driver.findElement(By.tagName("body")).getAttribute("data-refreshes")) >= 1);
        // read in one script: a late push may swap the table in between two WebDriver calls
        assertEquals(List.of("3/3"), texts("#started-count"));
        assertEquals(List.of("12/12", "12/12", "12/12"), texts("#monitor-table td.progress"));
        screenshot("monitor");

        clickTab("Data");
        assertTrue(driver.findElement(By.id("data-public_goods-2")).getText().contains("100"));
        screenshot("data");

        clickTab("Report");
        assertEquals("3", text("report-round"), "the last round by default");
        new Select(driver.findElement(By.id("round_number"))).selectByValue("1");
        waiting(10).until(ExpectedConditions.textToBe(By.id("report-round"), "1"));
        assertEquals("60 points", text("report-total"));
        assertEquals(3, driver.findElements(By.cssSelector(".report-chart rect.bar")).size());
        new Select(driver.findElement(By.id("round_number"))).selectByValue("2");
        waiting(10).until(ExpectedConditions.textToBe(By.id("report-round"), "2"));
        assertEquals("150 points", text("report-total"));
        assertEquals("50 points", text("report-mean"));
        screenshot("report");

        clickTab("Payments");
        assertEquals("$5.00", text("participation-fee"));
        assertEquals("$156.00", text("total-payments"));
        assertEquals("$52.00", text("mean-payment"));
        List<String> totals = new ArrayList<>();
        for (WebElement cell : driver.findElements(By.cssSelector("#payments-table td.total"))) {
            totals.add(cell.getText().strip());
        }
        assertEquals(List.of("$58.00", "$52.00", "$46.00"), totals);
        assertEquals(List.of("$53.00", "$47.00", "$41.00"), driver.findElements(By.cssSelector("#payments-table td.payoff"))
                .stream().map(e -> e.getText().strip()).toList());
        screenshot("payments");

        clickTab("Description");
        assertTrue(text("app-sequence").contains("public_goods (3 rounds)"));
        clickTab("Edit");
        WebElement label = driver.findElement(By.id("label"));
        label.clear();
        label.sendKeys("<b>pilot</b>");
        WebElement fee = driver.findElement(By.id("participation_fee"));
        fee.clear();
        fee.sendKeys("ten");
        submit("save-button");
        assertEquals("Not a valid decimal value", text("error-participation_fee"));
        fee = driver.findElement(By.id("participation_fee"));
        fee.clear();
        fee.sendKeys("6");
        submit("save-button");
        waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Properties have been updated"));
        assertEquals("<b>pilot</b>", text("session-label"), "shown as text, not markup");
        screenshot("edit");
        clickTab("Payments");
        assertEquals("$159.00", text("total-payments"), "the new fee: 156 + 3 × 1.00");
        clickTab("Links");

        open("/sessions");
        assertTrue(driver.findElement(By.id("sessions-table")).getText().contains(code));
        screenshot("sessions");
        open("/rooms");
        screenshot("rooms");
        open("/room_without_session/lab_secure");
        screenshot("room");
        open("/server_check");
        assertTrue(text("check-database").length() > 2);
        screenshot("server_check");
        for (String shot : List.of("demo", "links", "monitor", "report", "payments", "sessions", "server_check")) {
            assertTrue(Files.size(SCREENSHOTS.resolve(shot + ".png")) > 5_000, shot + ".png");
        }
    }
}
