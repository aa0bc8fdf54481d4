package org.arborlab.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.arborlab.client.ExportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Download a data export of a session, of several, or of all sessions (streamed to disk).",
                "Example: arbor export abcd1234 --kind app --app trust --format xlsx -o trust.xlsx",
                "         arbor export --kind custom --app public_goods      (all sessions)"})
final class ExportCommand implements Callable<Integer> {
    private final CliContext context;
    @Mixin
    private ConnectionOptions connection;

    @Parameters(paramLabel = "CODE", arity = "0..*", description = "Session codes; none for all sessions.")
    private List<String> codes = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "wide",
            description = "wide, app, page_times or custom (default: ${DEFAULT-VALUE}).")
    private ExportRequest.Kind kind;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or xlsx (default: ${DEFAULT-VALUE}).")
    private ExportRequest.Format format;

    @Option(names = "--app", paramLabel = "APP", description = "The app, for --kind app and --kind custom.")
    private String app;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", defaultValue = ".",
            description = "File to write, or a folder to save into under the server's file name "
                    + "(default: the current folder).")
    private Path output;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExportRequest request = new ExportRequest(kind, format, app);
        Path written = codes.size() == 1 ? connection.client().export(codes.get(0), request, output)
                : connection.client().export(codes, request, output);
        context.out().println(written);
        return 0;
    }
}
