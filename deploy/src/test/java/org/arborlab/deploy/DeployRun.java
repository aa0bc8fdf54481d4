package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.arborlab.control.database.DatabaseUrl;

/** deploy/run as a user starts it, in its own process; closing it stops it like Ctrl-C would. */
final class DeployRun implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    /** How long a start may take (-Darbor.it.start-seconds; a loaded 2-core machine needs more than 120 s). */
    private static final long START_SECONDS = Long.getLong("arbor.it.start-seconds", 240);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;
    Duration startup;

    private DeployRun(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("[output closed: ").append(e).append("]\n");
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    static Process launch(Path data, Map<String, String> env, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("deploy/run").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("ARBOR_DATA", data.toAbsolutePath().toString());
        String shared = System.getenv("DATABASE_URL");
        if (shared != null && shared.startsWith("mysql://")) {
            builder.environment().put("DATABASE_URL", ownDatabase(shared, data));
        }
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * Under -Pmysql, each data directory gets its own database on the build's MySQL server (created on first
     * start, kept across restarts on the same directory), as each gets its own H2 file otherwise: a server that
     * a test starts sees no sessions or room sessions left by the other tests' servers.
     */
    static String ownDatabase(String sharedUrl, Path data) {
        String name = ("arbor_it_" + data.getFileName()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        return mysqlDatabase(sharedUrl, name.substring(0, Math.min(64, name.length())), false);
    }

    /**
     * The URL of the database with this name on the MySQL server of {@code sharedUrl}, created with utf8mb4
     * and a binary collation (labels are case-sensitive) if it does not exist, or emptied first if {@code fresh}.
     */
    static String mysqlDatabase(String sharedUrl, String name, boolean fresh) {
        DatabaseUrl admin = DatabaseUrl.resolve(sharedUrl, null);
        String server = admin.jdbcUrl().substring(0, admin.jdbcUrl().indexOf('/', "jdbc:mysql://".length()));
        try (Connection c = DriverManager.getConnection(server + "/", admin.user(), admin.password());
                Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
            s.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return sharedUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    static DeployRun start(Path data, Map<String, String> env) throws Exception {
        int port = Ports.free();
        long begin = System.nanoTime();
        DeployRun server = new DeployRun(launch(data, env, port), port);
        while (!server.output.toString().contains("Arbor is ready.")) {
            if (!server.process.isAlive() || System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(START_SECONDS)) {
                server.close();
                throw new AssertionError("deploy/run did not become ready:\n" + server.output);
            }
            Thread.sleep(200);
        }
        server.startup = Duration.ofNanos(System.nanoTime() - begin);
        return server;
    }

    /** Runs deploy/run expecting it to exit with an error; returns what it printed. */
    static String failToStart(Path data, Map<String, String> env) throws Exception {
        DeployRun server = new DeployRun(launch(data, env, Ports.free()), 0);
        boolean exited = server.process.waitFor(START_SECONDS, TimeUnit.SECONDS);
        server.close();
        assertTrue(exited, "deploy/run should stop by itself:\n" + server.output);
        assertNotEquals(0, server.process.exitValue(), server.output.toString());
        server.process.getInputStream().close();
        return server.output.toString();
    }

    /** The first line printed so far that contains {@code text}, waiting up to 10 s for it. */
    String lineWith(String text) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            for (String line : output.toString().split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("deploy/run printed no line with \"" + text + "\":\n" + output);
    }

    URL url() throws Exception {
        return new URL("http://127.0.0.1:" + port);
    }

    /**
     * Kills the server JVM at once (SIGKILL, as a power cut or the OOM killer would: no shutdown hook, no
     * database close), then lets the script exit.
     */
    void crash() throws Exception {
        for (ProcessHandle child : process.descendants().toList()) {
            if (child.info().command().map(c -> c.endsWith("java")).orElse(false)) {
                child.destroyForcibly();
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        }
        close();
    }

    @Override
    public void close() throws Exception {
        // the server JVM is a child of the script: wait for it too, so that the next start never meets it
        java.util.List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
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

}
