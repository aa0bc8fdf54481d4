package org.arborlab.deploy;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** deploy/run as a user starts it, in its own process; closing it stops it like Ctrl-C would. */
final class DeployRun implements AutoCloseable {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

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
        builder.environment().putAll(env);
        return builder.start();
    }

    static DeployRun start(Path data, Map<String, String> env) throws Exception {
        int port = freePort();
        long begin = System.nanoTime();
        DeployRun server = new DeployRun(launch(data, env, port), port);
        while (!server.output.toString().contains("Arbor is ready.")) {
            if (!server.process.isAlive() || System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(120)) {
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
        DeployRun server = new DeployRun(launch(data, env, freePort()), 0);
        boolean exited = server.process.waitFor(120, TimeUnit.SECONDS);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
