package org.arborlab.client.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.arborlab.client.ArborApiException;
import org.arborlab.client.ArborException;
import org.arborlab.client.RetryPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code arbor}: the command line for Arbor's (and oTree's) REST API. */
@Command(name = "arbor", mixinStandardHelpOptions = true, versionProvider = ArborCli.Version.class,
        description = "Create sessions, set vars and download exports through the REST API of Arbor "
                + "(most commands also work with oTree).",
        subcommands = {SessionsCommand.class, VarsCommand.class, ExportCommand.class, BatchCommand.class, BotsCommand.class,
                ServerCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%n",
        footer = {"Environment: ARBOR_SERVER (server URL), OTREE_REST_KEY (REST key).",
                "Exit codes: 0 done, 1 the server refused or could not be reached (or a batch row failed), "
                        + "2 wrong usage or unusable input file."})
public final class ArborCli implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, new CliContext(System.getenv(), out, err, RetryPolicy.defaults())));
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    static int run(String[] args, CliContext context) {
        int code = commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    static CommandLine commandLine(CliContext context) {
        return new CommandLine(ArborCli.class, new ContextFactory(context))
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Expected failures print one line; anything else is a bug and keeps its stack trace. */
    private static int report(Exception e, CommandLine cmd) throws Exception {
        PrintWriter err = cmd.getErr();
        if (e instanceof ArborApiException api) {
            err.println("error: " + api.problem().summary());
            return 1;
        }
        if (e instanceof ArborException) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        }
        throw e;
    }

    /** Gives commands and mixins that want it the {@link CliContext}. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException noContext) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ArborCli.class.getPackage().getImplementationVersion();
            return new String[] {"arbor " + (version == null ? "(development build)" : version)};
        }
    }

    /** Commands that only group subcommands say so when called alone. */
    abstract static class Group implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
        }
    }
}
