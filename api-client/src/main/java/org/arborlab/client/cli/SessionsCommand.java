package org.arborlab.client.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arborlab.client.ArborClient;
import org.arborlab.client.CreatedSession;
import org.arborlab.client.Participant;
import org.arborlab.client.SessionDetail;
import org.arborlab.client.SessionQuery;
import org.arborlab.client.SessionRequest;
import org.arborlab.client.SessionSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sessions", mixinStandardHelpOptions = true, description = "Create, list and show sessions.",
        subcommands = {SessionsCommand.Create.class, SessionsCommand.ListSessions.class, SessionsCommand.Show.class})
final class SessionsCommand extends ArborCli.Group {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a session. Prints its code on the first line, then its links.")
    static final class Create implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;

        @Option(names = {"-c", "--config", "--session-config-name"}, required = true, paramLabel = "NAME",
                description = "Session config name (see 'arbor server configs').")
        private String config;

        @Option(names = {"-n", "--participants", "--num-participants"}, required = true, paramLabel = "N",
                description = "Number of participants.")
        private int participants;

        @Option(names = {"--room", "--room-name"}, paramLabel = "ROOM", description = "Open the session in this room.")
        private String room;

        @Option(names = "--label", paramLabel = "TEXT", description = "Session label.")
        private String label;

        @Option(names = "--demo", description = "Create a demo session (not listed by 'sessions list').")
        private boolean demo;

        @Option(names = "--set", paramLabel = "FIELD=VALUE",
                description = "Change a session config field (repeatable). VALUE is read as JSON if it is valid "
                        + "JSON (10, true, [1,2]), else as text.")
        private List<String> set;

        @Option(names = "--modified-session-config-fields", paramLabel = "JSON",
                description = "Config fields to change, as one JSON object.")
        private String modifiedFields;

        @Option(names = "--idempotency-key", paramLabel = "KEY",
                description = "Run again with the same key (within 24 h) to get the same session instead of a "
                        + "second one; also makes the request safe to retry.")
        private String idempotencyKey;

        @Option(names = "--json", description = "Print the server's answer as JSON.")
        private boolean json;

        Create(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SessionRequest request = SessionRequest.of(config, participants).inRoom(room).withLabel(label);
            Map<String, Object> fields = KeyValues.merge("--modified-session-config-fields", modifiedFields, set);
            if (!fields.isEmpty()) {
                request = request.withModifiedSessionConfigFields(fields);
            }
            if (demo) {
                request = request.asDemo(true);
            }
            ArborClient client = connection.client();
            CreatedSession created = idempotencyKey == null ? client.createSession(request)
                    : client.createSession(request, idempotencyKey);
            if (json) {
                Output.json(context.out(), created);
            } else {
                context.out().println(created.code());
                context.out().println("  session_wide_url  " + created.sessionWideUrl());
                context.out().println("  admin_url         " + created.adminUrl());
                if (created.roomUrl() != null) {
                    context.out().println("  room_url          " + created.roomUrl());
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the sessions (demo sessions excepted).")
    static final class ListSessions implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;

        @Option(names = "--json", description = "Print the server's answer as JSON.")
        private boolean json;

        ListSessions(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<SessionSummary> sessions = connection.client().listSessions();
            if (json) {
                Output.json(context.out(), sessions);
                return 0;
            }
            Output.table(context.out(), List.of("CODE", "CREATED", "CONFIG", "PARTICIPANTS", "LABEL"),
                    sessions.stream().map(s -> List.<Object>of(s.code(), wholeSeconds(s.createdAt()), text(s.configName()),
                            text(s.numParticipants()), text(s.label()))).toList());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a session and its participants.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;

        @Parameters(paramLabel = "CODE", description = "Session code.")
        private String code;

        @Option(names = "--participant-label", paramLabel = "LABEL",
                description = "Only participants with this label (repeatable).")
        private List<String> labels = List.of();

        @Option(names = "--participant-var", paramLabel = "NAME", description = "Include this participant var (repeatable).")
        private List<String> participantVars = List.of();

        @Option(names = "--session-var", paramLabel = "NAME", description = "Include this session var (repeatable).")
        private List<String> sessionVars = List.of();

        @Option(names = "--json", description = "Print the server's answer as JSON.")
        private boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SessionDetail session = connection.client()
                    .getSession(code, new SessionQuery(labels, participantVars, sessionVars));
            if (json) {
                Output.json(context.out(), session);
                return 0;
            }
            var out = context.out();
            out.println("code              " + session.code());
            out.println("config            " + text(session.configName()));
            out.println("label             " + text(session.label()));
            out.println("created_at        " + text(session.createdAt()));
            out.println("participants      " + text(session.numParticipants()));
            out.println("session_wide_url  " + text(session.sessionWideUrl()));
            out.println("admin_url         " + text(session.adminUrl()));
            if (session.roomUrl() != null) {
                out.println("room_url          " + session.roomUrl());
            }
            session.sessionVars().forEach((name, value) -> out.println("session var " + name + " = " + value));
            out.println();
            Output.table(out, List.of("ID", "CODE", "LABEL", "PAYOFF", "FINISHED", "VARS"),
                    session.participants().stream().map(Show::row).toList());
            return 0;
        }

        private static List<Object> row(Participant p) {
            return List.of(p.idInSession(), p.code(), text(p.label()), text(p.payoffInRealWorldCurrency()),
                    text(p.finished()), p.vars().isEmpty() ? "" : p.vars().toString());
        }
    }

    private static String wholeSeconds(java.time.Instant instant) {
        return instant == null ? "" : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
