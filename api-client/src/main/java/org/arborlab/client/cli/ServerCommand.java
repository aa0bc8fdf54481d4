package org.arborlab.client.cli;

import java.util.List;
import java.util.Map;
import org.arborlab.client.Room;
import org.arborlab.client.SessionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "What the server offers: session configs, rooms, apps, version.")
final class ServerCommand extends ArborCli.Group {
    private final CliContext context;

    ServerCommand(CliContext context) {
        this.context = context;
    }

    @Command(name = "configs", mixinStandardHelpOptions = true, description = "List the session configs.")
    int configs(@Mixin ConnectionOptions connection,
            @Option(names = "--json", description = "Print the server's answer as JSON.") boolean json) {
        List<SessionConfig> configs = connection.client().sessionConfigs();
        if (json) {
            Output.json(context.out(), configs);
        } else {
            Output.table(context.out(), List.of("NAME", "APPS", "DEMO PARTICIPANTS", "DISPLAY NAME"),
                    configs.stream().map(c -> List.<Object>of(c.name(), String.join(",", c.appSequence()),
                            String.valueOf(c.numDemoParticipants()), String.valueOf(c.displayName()))).toList());
        }
        return 0;
    }

    @Command(name = "rooms", mixinStandardHelpOptions = true, description = "List the rooms and their open session.")
    int rooms(@Mixin ConnectionOptions connection,
            @Option(names = "--json", description = "Print the server's answer as JSON.") boolean json) {
        List<Room> rooms = connection.client().rooms();
        if (json) {
            Output.json(context.out(), rooms);
        } else {
            Output.table(context.out(), List.of("NAME", "SESSION", "URL"), rooms.stream()
                    .map(r -> List.<Object>of(r.name(), r.sessionCode() == null ? "" : r.sessionCode(), r.url()))
                    .toList());
        }
        return 0;
    }

    @Command(name = "apps", mixinStandardHelpOptions = true, description = "List the apps.")
    int apps(@Mixin ConnectionOptions connection,
            @Option(names = "--json", description = "Print the server's answer as JSON.") boolean json) {
        Map<String, String> apps = connection.client().apps();
        if (json) {
            Output.json(context.out(), apps);
        } else {
            apps.keySet().forEach(context.out()::println);
        }
        return 0;
    }

    @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the server's version.")
    int version(@Mixin ConnectionOptions connection) {
        context.out().println(connection.client().otreeVersion());
        return 0;
    }
}
