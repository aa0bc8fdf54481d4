package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Data page in a real browser (Debian's chromium, headless): choose a session, download a CSV and an Excel
 * file through the page's script (progress, then the file under oTree's name, byte for byte what the server
 * sends), and see a download that fails half-way reported on the page with nothing saved. Skipped where
 * chromium or chromedriver is not installed.
 */
@ExtendWith(ArquillianExtension.class)
class ExportBrowserIT {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return RealWar.load().addClass(BrokenExportGame.class);
    }

    @ArquillianResource
    URL base;

    private WebDriver driver;
    private Path profile;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws IOException {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("arbor-chromium");
        downloads = Files.createTempDirectory("arbor-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        for (Path dir : new Path[] {profile, downloads}) {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private String createSession() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                url("/api/sessions"))).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"session_config_name\": \"public_goods\", \"num_participants\": 3}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, created.statusCode(), created.body());
        return Json.createReader(new StringReader(created.body())).readObject().getString("code");
    }

    /** The status cell of the row whose first cell starts with {@code label}. */
    private WebElement row(String label) {
        return driver.findElements(By.cssSelector("#export-downloads tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + driver.getPageSource()));
    }

    private String waitForStatus(WebElement row, String start) {
        WebElement status = row.findElement(By.className("export-status"));
        new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(50))
                .until(d -> status.getText().startsWith(start) || status.getText().startsWith("Export failed"));
        return status.getText();
    }

    private Path waitForFile(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> Files.isRegularFile(file));
        return file;
    }

    @Test
    void downloadsWithProgressUnderOTreesNamesAndFailuresSaveNothing() throws Exception {
        String code = createSession();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        driver.get(url("/export"));
        assertEquals("Data", driver.findElement(By.tagName("h1")).getText());
        driver.findElement(By.id("scope-one")).click();
        new Select(driver.findElement(By.id("scope-one-session"))).selectByValue(code);
        driver.findElement(By.id("show-exports")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("export-summary")).getText()
                .contains("Session " + code));

        // CSV of the custom export: rows counted as they arrive, then saved under oTree's Data-page name
        WebElement custom = row("public_goods (custom_export)");
        custom.findElement(By.linkText("CSV")).click();
        String done = waitForStatus(custom, "Done");
        assertTrue(done.startsWith("Done: public_goods_custom_" + today + ".csv, 10 rows"), done);
        Path csv = waitForFile("public_goods_custom_" + today + ".csv");
        byte[] expected = get("/export/download?kind=custom&app=public_goods&format=csv&session=" + code).body();
        waitForSize(csv, expected.length);
        assertEquals(new String(expected, StandardCharsets.UTF_8), Files.readString(csv));

        // Excel of the wide table: assembled on the server first, then received and saved
        WebElement wide = row("All apps (wide)");
        wide.findElement(By.linkText("Excel")).click();
        assertTrue(waitForStatus(wide, "Done").startsWith("Done: all_apps_wide_" + today + ".xlsx"));
        Path xlsx = waitForFile("all_apps_wide_" + today + ".xlsx");
        waitForStable(xlsx); // (a workbook made again would differ: it carries the time it was made)
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            assertEquals("participant.id_in_session", book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            assertEquals(3, book.getSheetAt(0).getLastRowNum(), "a header and three participants");
        }

        // a custom export that fails after 50,000 rows: the page says so and saves nothing
        ((JavascriptExecutor) driver).executeScript("var row = document.querySelector('#export-downloads tbody tr')"
                + ".cloneNode(true); row.cells[0].textContent = 'broken'; row.cells[3].textContent = '';"
                + " var a = row.querySelector('a.export-download'); a.href = arguments[0];"
                + " a.dataset.count = arguments[1]; document.querySelector('#export-downloads tbody').appendChild(row);",
                url("/export/download?kind=custom&app=broken_export&format=csv"),
                url("/export/count?kind=custom&app=broken_export"));
        WebElement broken = row("broken");
        broken.findElement(By.linkText("CSV")).click();
        String failed = waitForStatus(broken, "Export failed");
        assertTrue(failed.startsWith("Export failed after ") && failed.contains("the server could not finish it"),
                failed);
        Thread.sleep(1_000);
        try (Stream<Path> files = Files.list(downloads)) {
            assertEquals(List.of("all_apps_wide_" + today + ".xlsx", "public_goods_custom_" + today + ".csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "the failed export saved nothing");
        }
    }

    private void waitForStable(Path file) {
        long[] last = {-1};
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(300)).until(d -> {
            try {
                long size = Files.size(file);
                boolean stable = size > 0 && size == last[0];
                last[0] = size;
                return stable;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Chromium writes a download under its name and may still be finishing it. */
    private void waitForSize(Path file, long size) {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> {
            try {
                return Files.size(file) == size;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
