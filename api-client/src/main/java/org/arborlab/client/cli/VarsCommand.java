package org.arborlab.client.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vars", mixinStandardHelpOptions = true,
        description = "Set participant vars or session vars (merged into the existing vars).",
        subcommands = {VarsCommand.ParticipantVars.class, VarsCommand.SessionVars.class})
final class VarsCommand extends ArborCli.Group {

    /** The vars themselves, shared by both subcommands. */
    static final class VarsInput {
        @Parameters(paramLabel = "NAME=VALUE", arity = "0..*",
                description = "A var to set. VALUE is read as JSON if it is valid JSON (25, true, [3,6,9]), "
                        + "else as text.")
        List<String> pairs;

        @Option(names = "--vars", paramLabel = "JSON", description = "Vars as one JSON object.")
        String json;

        Map<String, Object> vars() {
            Map<String, Object> vars = KeyValues.merge("--vars", json, pairs);
            if (vars.isEmpty()) {
                throw new IllegalArgumentException("no vars given: add NAME=VALUE arguments or --vars JSON");
            }
            return vars;
        }
    }

    @Command(name = "participant", mixinStandardHelpOptions = true,
            description = {"Set vars of one participant, by room and participant label or by participant code.",
                    "If the labelled participant has not arrived yet, the server applies the vars on arrival.",
                    "Example: arbor vars participant --room econ101 --label albert_e age=25 is_male=true"})
    static final class ParticipantVars implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;
        @Mixin
        private VarsInput input;

        @Option(names = {"--room", "--room-name"}, paramLabel = "ROOM") private String room;
        @Option(names = {"--label", "--participant-label"}, paramLabel = "LABEL") private String label;
        @Option(names = {"--code", "--participant-code"}, paramLabel = "CODE") private String code;

        ParticipantVars(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, Object> vars = input.vars();
            if (code != null && room == null && label == null) {
                connection.client().setParticipantVars(code, vars);
                context.out().println("Set " + vars.keySet() + " for participant " + code + ".");
            } else if (code == null && room != null && label != null) {
                connection.client().setParticipantVarsInRoom(room, label, vars);
                context.out().println("Set " + vars.keySet() + " for participant " + label + " in room " + room + ".");
            } else {
                throw new IllegalArgumentException("give --code, or --room and --label");
            }
            return 0;
        }
    }

    @Command(name = "session", mixinStandardHelpOptions = true,
            description = {"Set session vars, of the session open in a room or of a session by code.",
                    "Example: arbor vars session --room econ101 dice_roll=4"})
    static final class SessionVars implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;
        @Mixin
        private VarsInput input;

        @Option(names = {"--room", "--room-name"}, paramLabel = "ROOM") private String room;
        @Option(names = {"--code", "--session-code"}, paramLabel = "CODE") private String code;

        SessionVars(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Map<String, Object> vars = input.vars();
            if ((code == null) == (room == null)) {
                throw new IllegalArgumentException("give either --room or --code");
            }
            if (code != null) {
                connection.client().setSessionVars(code, vars);
                context.out().println("Set " + vars.keySet() + " for session " + code + ".");
            } else {
                connection.client().setSessionVarsInRoom(room, vars);
                context.out().println("Set " + vars.keySet() + " for the session in room " + room + ".");
            }
            return 0;
        }
    }
}
