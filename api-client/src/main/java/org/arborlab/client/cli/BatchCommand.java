package org.arborlab.client.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.arborlab.client.ArborClient;
import org.arborlab.client.CreatedSession;
import org.arborlab.client.SessionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run many requests from a CSV file whose header names the REST parameters.",
                "Each row is reported as it runs; failed rows do not stop the others; the last line is a "
                        + "summary, and the exit code is 1 if any row failed."},
        subcommands = {BatchCommand.CreateSessions.class, BatchCommand.ParticipantVars.class})
final class BatchCommand extends ArborCli.Group {

    /** The file options both batch commands share. */
    static final class FileInput {
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "CSV", description = "The CSV file (UTF-8).")
        Path file;

        @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
                description = "Cell separator (default: ${DEFAULT-VALUE}); e.g. ';' for some Excel exports.")
        char delimiter;

        @Option(names = "--dry-run", description = "Check every row and show what would be sent; send nothing.")
        boolean dryRun;

        /** An unusable file is a usage error: report it before the first request. */
        CsvTable read() {
            try {
                return CsvTable.read(file, delimiter);
            } catch (CsvTable.BadFile e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create one session per row.",
                    "Columns: session_config_name, num_participants, room_name, label, is_demo, "
                            + "modified_session_config_fields (a JSON object) and/or "
                            + "modified_session_config_fields.<field> (one field per column).",
                    "Running the same file again creates nothing new: each row is sent with an idempotency key "
                            + "made from the file name (or --run-id) and the row's content; the server remembers "
                            + "keys for 24 h."})
    static final class CreateSessions implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;
        @Mixin
        private FileInput input;

        @Option(names = "--run-id", paramLabel = "NAME",
                description = "Name of this batch for the idempotency keys, instead of the file name: the same "
                        + "run id makes renamed copies of the file count as the same batch, a new one makes a "
                        + "re-run create new sessions.")
        private String runId;

        CreateSessions(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CsvTable table = input.read();
            try {
                SessionRows.checkColumns(table.columns());
            } catch (CsvTable.BadFile e) {
                throw new IllegalArgumentException(input.file + ": " + e.getMessage());
            }
            String batchName = runId != null ? runId : input.file.getFileName().toString();
            Map<String, Integer> occurrences = new HashMap<>();
            ArborClient client = input.dryRun ? null : connection.client();
            return new BatchRun(context.out()).run(table.rows(), row -> {
                SessionRequest request = SessionRows.toRequest(row.cells());
                String canonical = IdempotencyKeys.canonicalJson(request.toBody());
                int occurrence = occurrences.merge(canonical, 1, Integer::sum);
                String key = IdempotencyKeys.forRow(batchName, canonical, occurrence);
                if (client == null) {
                    return "would send " + canonical + " with Idempotency-Key " + key;
                }
                CreatedSession created = client.createSession(request, key);
                return created.code() + " " + created.sessionWideUrl();
            });
        }
    }

    @Command(name = "participant-vars", mixinStandardHelpOptions = true,
            description = {"Set participant vars, one participant per row.",
                    "Columns: room_name + participant_label, or participant_code; and vars (a JSON object) "
                            + "and/or vars.<name> (one var per column).",
                    "Vars are merged into the existing ones, so running the file again is harmless."})
    static final class ParticipantVars implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        private ConnectionOptions connection;
        @Mixin
        private FileInput input;

        ParticipantVars(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            CsvTable table = input.read();
            try {
                ParticipantVarsRows.checkColumns(table.columns());
            } catch (CsvTable.BadFile e) {
                throw new IllegalArgumentException(input.file + ": " + e.getMessage());
            }
            ArborClient client = input.dryRun ? null : connection.client();
            return new BatchRun(context.out()).run(table.rows(), row -> {
                ParticipantVarsRows.Update update = ParticipantVarsRows.toUpdate(row.cells());
                if (client == null) {
                    return "would set " + IdempotencyKeys.canonicalJson(update.vars()) + " for " + update.who();
                }
                update.sendWith(client);
                return "set " + update.vars().keySet() + " for " + update.who();
            });
        }
    }
}
