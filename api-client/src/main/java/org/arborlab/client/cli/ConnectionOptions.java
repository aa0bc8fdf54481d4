package org.arborlab.client.cli;

import java.time.Duration;
import org.arborlab.client.ArborClient;
import picocli.CommandLine.Option;

/** The options every command that talks to the server shares. */
final class ConnectionOptions {

    static final String DEFAULT_SERVER = "http://localhost:8000";

    private final CliContext context;

    @Option(names = "--server", paramLabel = "URL",
            description = "Server base URL (default: $ARBOR_SERVER or " + DEFAULT_SERVER + ").")
    private String server;

    @Option(names = "--key", paramLabel = "KEY",
            description = "REST key, sent as header otree-rest-key. Default: $OTREE_REST_KEY "
                    + "(prefer the variable: options show in the process list).")
    private String key;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds to wait for each answer (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of safe requests after a connection failure or 5xx (default: ${DEFAULT-VALUE}).")
    private int retries;

    ConnectionOptions(CliContext context) {
        this.context = context;
    }

    ArborClient client() {
        if (timeoutSeconds <= 0 || retries < 0) {
            throw new IllegalArgumentException("--timeout must be positive and --retries not negative");
        }
        String url = firstNonBlank(server, context.env().get("ARBOR_SERVER"), DEFAULT_SERVER);
        return ArborClient.builder(url)
                .restKey(firstNonBlank(key, context.env().get("OTREE_REST_KEY"), null))
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .retryPolicy(context.retryPolicy().withMaxAttempts(retries + 1))
                .build();
    }

    private static String firstNonBlank(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
