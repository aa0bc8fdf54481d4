package org.arborlab.client.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.arborlab.client.RetryPolicy;

/** Runs the command line in-process with a given environment and captures what it prints. */
final class CliRunner {

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2), 2.0);

    private final Map<String, String> env;

    /** A URL where nothing listens: a port the system just handed out and took back. */
    static String unreachableServer() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    CliRunner(Map<String, String> env) {
        this.env = env;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ArborCli.run(args, context(out, err));
        return new Result(code, out.toString(), err.toString());
    }

    CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), FAST);
    }
}
