package org.arborlab.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A server set up by its IT guide's script ({@code ear/servers/<server>.sh}), as the build passes it: the
 * properties {@code <server>.it.skip}, {@code .it.http.port} and {@code .it.script}, and the script's own variables.
 */
final class GuideScript {
    private final String server;
    private final Map<String, String> variables;

    /**
     * @param variables the script's variables besides {@code EAR} (which server files, which ports), each named
     *     with the build property that holds its value (read when the script runs: a skipped server has none)
     */
    GuideScript(String server, Map<String, String> variables) {
        this.server = server;
        this.variables = variables;
    }

    /** Skips the class unless the build runs this server now; the client for its HTTP port. */
    ArborHttp connect(String whenItRuns) {
        Assumptions.assumeFalse(Boolean.parseBoolean(System.getProperty(server + ".it.skip", "true")),
                whenItRuns);
        return new ArborHttp(URI.create("http://127.0.0.1:" + System.getProperty(server + ".it.http.port") + "/"));
    }

    /** Runs {@code <server>.sh <command>} as the guide shows it, with the build's server files and ports. */
    void run(String command) throws IOException, InterruptedException {
        String script = System.getProperty(server + ".it.script");
        ProcessBuilder builder = new ProcessBuilder("bash", script, command).redirectErrorStream(true);
        variables.forEach((variable, property) -> builder.environment().put(variable, System.getProperty(property)));
        builder.environment().put("EAR", new File(System.getProperty("arbor.ear")).getAbsolutePath());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> Path.of(script).getFileName() + " " + command + ": " + output);
    }
}
