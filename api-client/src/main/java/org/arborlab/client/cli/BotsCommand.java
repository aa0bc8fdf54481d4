package org.arborlab.client.cli;

import org.arborlab.client.BotRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bots", mixinStandardHelpOptions = true,
        description = {"Create a session of a config and let the apps' bots play it to the end on the server",
            "(oTree's `otree test`). Exit status 0 when every bot finished as planned, 1 otherwise."})
final class BotsCommand implements java.util.concurrent.Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Session config name, e.g. trust.")
    String config;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N",
            description = "Number of participants (default: the config's num_demo_participants).")
    Integer participants;

    @Option(names = "--json", description = "Print the server's report as JSON.")
    boolean json;

    BotsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        BotRun run = connection.client().runBots(config, participants);
        if (json) {
            Output.json(context.out(), run);
        } else {
            context.out().printf("Bots %s: session %s, %d participants, %d requests in %.1f s%n",
                    run.passed() ? "passed" : "FAILED", run.code(), run.numParticipants(), run.requests(),
                    run.millis() / 1000.0);
            run.failures().forEach(failure -> context.out().println("  " + failure));
        }
        return run.passed() ? 0 : 1;
    }
}
