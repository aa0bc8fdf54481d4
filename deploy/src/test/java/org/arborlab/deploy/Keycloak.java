package org.arborlab.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider for tests: Keycloak (unpacked from Maven Central by the build) in dev mode,
 * bound to 127.0.0.1 on a free port, with the realm of src/test/resources/keycloak/arbor-realm.json. Keycloak
 * 26 needs Java 21 or newer: {@link #java21()} finds one under /usr/lib/jvm.
 */
final class Keycloak implements AutoCloseable {
    static final String REALM = "arbor";
    private final Process process;
    private final int port;
    private final Path log;

    private Keycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A JDK 21+ (Keycloak 26 does not run on 17), or empty. */
    static Optional<Path> java21() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(Keycloak::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(13).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK we can read
        }
        return 0;
    }

    static Keycloak start(Path distribution, Path javaHome) throws Exception {
        Path realm = Path.of("src/test/resources/keycloak/arbor-realm.json").toAbsolutePath();
        Path imports = distribution.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realm, imports.resolve("arbor-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        deleteTree(distribution.resolve("data/h2")); // a fresh realm each run
        int port = Ports.free();
        Path log = Files.createTempFile(Path.of("target"), "keycloak-", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--hostname-strict=false",
                "--health-enabled=false", "--metrics-enabled=false")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("PATH", javaHome.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        Keycloak keycloak = new Keycloak(builder.start(), port, log);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!keycloak.process.isAlive()) {
                throw new AssertionError("Keycloak stopped:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return keycloak;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        keycloak.close();
        throw new AssertionError("Keycloak did not start in 180 s:\n" + Files.readString(log));
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    @Override
    public void close() throws Exception {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
