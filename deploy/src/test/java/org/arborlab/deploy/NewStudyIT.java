package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * A study project as a lab makes one, with only Arbor's artifacts: {@code deploy/new-study} creates it in a
 * temporary folder; Maven builds it offline against a local repository that holds this build's Arbor artifacts
 * (installed there by this test, as {@code mvn install} would) and takes every other artifact from the usual one, so
 * the shared local repository is never written; its JUnit bots run; {@code ./run --dev} starts it on Payara Micro
 * with the embedded H2 database; a participant plays it over HTTP; then a template edit and a Java edit are timed
 * (the README's development-mode figures) and the data are still there after the Java edit's redeploy.
 *
 * <p>H2 only: under {@code -Pmysql} (DATABASE_URL set) it is skipped, the study build does not depend on the
 * database.
 */
class NewStudyIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String VERSION = System.getProperty("arbor.version", "0.1.0-SNAPSHOT");
    private static final String NAME = "lab-it";

    @Test
    void aNewStudyBuildsTestsRunsAndPlays() throws Exception {
        String database = System.getenv("DATABASE_URL");
        assumeTrue(database == null || database.isBlank(), "the study runs on its embedded H2 database");
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "study-it-");
        Path repo = isolatedRepository(work.resolve("repository"));
        Path study = work.resolve(NAME);

        try {
            // create
            String created = run(List.of("bash", ROOT.resolve("deploy/new-study").toString(), study.toString()), ROOT,
                    Map.of(), 60);
            assertTrue(created.contains("Created study \"" + NAME + "\""), created);
            Path app = study.resolve("apps/src/main/java/lab/lab_it/guess/Guess.java");
            Path template = study.resolve("apps/src/main/resources/lab/lab_it/guess/Results.xhtml");
            assertTrue(Files.isRegularFile(app) && Files.isRegularFile(template), "the template's app is there");
            // the study's Maven runs offline on the isolated repository (also for ./run's build)
            Files.createDirectories(study.resolve(".mvn"));
            Files.writeString(study.resolve(".mvn/maven.config"), "-o\n-Dmaven.repo.local=" + repo + "\n");

            // build: the bots in JUnit, then the war and the ear
            long buildStart = System.nanoTime();
            run(List.of("mvn", "-B", "-q", "package"), study, Map.of(), 600);
            System.out.printf("[NewStudyIT] mvn package of a new study: %.1f s%n",
                    (System.nanoTime() - buildStart) / 1e9);
            String bots = Files.readString(
                    study.resolve("apps/target/surefire-reports/lab.lab_it.guess.GuessBotsTest.txt"));
            assertTrue(bots.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), bots);
            try (ZipFile war = new ZipFile(study.resolve("war/target/" + NAME + ".war").toFile())) {
                assertTrue(war.getEntry("WEB-INF/lib/" + NAME + "-apps-1.0-SNAPSHOT.jar") != null, "apps in the war");
                assertTrue(war.getEntry("WEB-INF/lib/arbor-ejb-" + VERSION + ".jar") != null, "Arbor in the war");
            }
            try (ZipFile ear = new ZipFile(study.resolve("ear/target/" + NAME + ".ear").toFile())) {
                assertTrue(ear.getEntry("lib/lab.lab_it-" + NAME + "-apps-1.0-SNAPSHOT.jar") != null, "apps in lib/");
                assertTrue(ear.getEntry("arbor-ejb.jar") != null && ear.getEntry("arbor-web.war") != null,
                        "Arbor's modules in the ear");
            }

            // run in development mode, play over HTTP
            int port = Ports.free();
            ProcessBuilder builder = new ProcessBuilder("./run", "--dev").directory(study.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile());
            builder.environment().remove("DATABASE_URL");
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("ARBOR_DATA", study.resolve("data").toString());
            Process server = builder.start();
            try {
                waitFor(server, work.resolve("run.log"), "Arbor is ready.", 400);
                URL base = new URL("http://127.0.0.1:" + port);
                Http http = new Http(base);
                var session = http.send("POST", "/api/sessions", "application/json",
                        "{\"session_config_name\":\"guess\",\"num_participants\":1}");
                assertEquals(200, session.statusCode(), session.body());
                String code = json(session.body()).getString("code");
                String participant = json(http.get("/api/sessions/" + code).body()).getJsonArray("participants")
                        .getJsonObject(0).getString("code");

                Browser browser = new Browser(base);
                Browser.Page decide = browser.get("/InitializeParticipant/" + participant);
                assertEquals("Decide", decide.pageName(), decide.html());
                Browser.Page refused = browser.submit(decide, Map.of("guess", "101"));
                assertEquals("Decide", refused.pageName(), "101 is over the maximum");
                Browser.Page results = browser.submit(refused, Map.of("guess", "40"));
                assertEquals("Results", results.pageName(), results.html());
                assertTrue(results.contains("You guessed 40; the number was 42, 2 away."), results.html());
                assertTrue(results.contains("<span id=\"payoff\">98"), results.html());

                // a static file the study adds, served at /static/ (from the source folder in development mode)
                Path picture = study.resolve("apps/src/main/resources/static/guess/target.txt");
                Files.createDirectories(picture.getParent());
                Files.writeString(picture, "42");
                assertEquals("42", http.get("/static/guess/target.txt").body());

                // a template edit shows at the very next page load
                Files.writeString(template, Files.readString(template).replace("You guessed", "Your guess was"));
                long editStart = System.nanoTime();
                Browser.Page edited = browser.get(results.path());
                double templateSeconds = (System.nanoTime() - editStart) / 1e9;
                assertTrue(edited.contains("Your guess was 40"), edited.html());
                System.out.printf("[NewStudyIT] template edit shown at the next page load, %.2f s after saving%n",
                        templateSeconds);

                // a Java edit is compiled and redeployed by ./run --dev; the participant's data are kept
                Files.writeString(app, Files.readString(app).replace("TARGET = 42", "TARGET = 50"));
                long javaStart = System.nanoTime();
                Browser.Page live = browser.get(results.path());
                while (!live.contains("the number was 50")) {
                    assertTrue(System.nanoTime() - javaStart < TimeUnit.SECONDS.toNanos(180),
                            () -> "the Java edit is not live after 180 s:\n" + read(work.resolve("run.log")));
                    Thread.sleep(250);
                    live = browser.get(results.path());
                }
                double javaSeconds = (System.nanoTime() - javaStart) / 1e9;
                assertTrue(live.contains("Your guess was 40; the number was 50, 10 away."), live.html());
                String log = read(work.resolve("run.log"));
                System.out.printf("[NewStudyIT] Java edit live %.1f s after saving (%s; Payara Micro: %s; load"
                        + " average %.1f)%n", javaSeconds,
                        log.lines().filter(l -> l.startsWith("[dev] compiled")).findFirst().orElse(""),
                        log.lines().filter(l -> l.contains("deployed in")).reduce((a, b) -> b).orElse("")
                                .replaceAll(".*(deployed in [0-9,]+ \\w+).*", "$1"),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                assertFalse(browser.submit(live, Map.of()).contains("Server Error"));
            } finally {
                stop(server);
            }
        } finally {
            unlink(repo);
        }
    }

    /** Removes the links to the usual repository (whatever later cleans target/ then never reaches it). */
    private static void unlink(Path repo) throws IOException {
        for (Path dir : List.of(repo, repo.resolve("org"))) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    if (Files.isSymbolicLink(entry)) {
                        Files.delete(entry);
                    }
                }
            }
        }
    }

    /**
     * A local repository in which this build's Arbor artifacts are installed, and every other entry of the usual
     * local repository is a symbolic link: the study build finds Maven's plugins and Arbor's dependencies without
     * downloading, and writes Arbor's artifacts nowhere but here.
     */
    private static Path isolatedRepository(Path repo) throws IOException {
        Path usual = Path.of(System.getProperty("arbor.it.localRepository",
                System.getProperty("user.home") + "/.m2/repository"));
        Files.createDirectories(repo.resolve("org"));
        linkAllBut(usual, repo, "org");
        linkAllBut(usual.resolve("org"), repo.resolve("org"), "arborlab");
        install(repo, "arbor-parent", ROOT.resolve("pom.xml"), null, null);
        install(repo, "arbor-spi", ROOT.resolve("spi/pom.xml"),
                ROOT.resolve("spi/target/arbor-spi-" + VERSION + ".jar"), ".jar");
        install(repo, "arbor-ejb", ROOT.resolve("ejb/pom.xml"), ROOT.resolve("ejb/target/arbor-ejb.jar"), ".jar");
        install(repo, "arbor-testing", ROOT.resolve("testing/pom.xml"),
                ROOT.resolve("testing/target/arbor-testing-" + VERSION + ".jar"), ".jar");
        install(repo, "arbor-web", ROOT.resolve("web/pom.xml"), ROOT.resolve("web/target/arbor-web.war"), ".war");
        install(repo, "arbor-study-parent", ROOT.resolve("study-parent/pom.xml"),
                ROOT.resolve("study-parent/target/arbor-run.zip"), "-run.zip");
        return repo;
    }

    private static void linkAllBut(Path from, Path to, String except) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(except)) {
                    Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
    }

    private static void install(Path repo, String artifact, Path pom, Path file, String suffix) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("org/arborlab").resolve(artifact).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (file != null) {
            assertTrue(Files.isRegularFile(file), file + " is missing: run the build through the package phase");
            Files.copy(file, dir.resolve(artifact + "-" + VERSION + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs a command to its end, failing with its output unless it exits with 0. */
    private static String run(List<String> command, Path dir, Map<String, String> env, int seconds) throws Exception {
        File output = File.createTempFile("study-it-", ".log", Path.of("target").toFile());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            stop(process);
        }
        String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        assertTrue(done && process.exitValue() == 0, () -> String.join(" ", command) + " failed:\n" + text);
        return text;
    }

    private static void waitFor(Process process, Path log, String text, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!read(log).contains(text)) {
            assertTrue(process.isAlive() && System.nanoTime() < end, () -> "no \"" + text + "\":\n" + read(log));
            Thread.sleep(250);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Stops the process and everything it started (the run script's server and watcher), as Ctrl-C would. */
    private static void stop(Process process) throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                child.destroyForcibly();
            }
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

}
