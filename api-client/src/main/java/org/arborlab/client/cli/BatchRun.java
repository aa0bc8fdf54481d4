package org.arborlab.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.client.ArborApiException;
import org.arborlab.client.ArborConnectionException;
import org.arborlab.client.ArborException;

/**
 * Runs one action per CSV row: reports each row as it goes ({@code [ 3/200] row 4: ...}), carries on past
 * failed rows, and ends with a summary line. Blank rows are skipped silently.
 */
final class BatchRun {

    /** Does the row's work; returns what to report on success, throws to report a failure. */
    interface RowAction {
        String run(CsvTable.Row row) throws CellValues.BadValue;
    }

    /**
     * When the server cannot be reached, every further row would only wait through its retries too; a few
     * failures in a row are enough to tell that the server, not the data, is the problem.
     */
    static final int STOP_AFTER_CONNECTION_FAILURES = 3;
    private static final int MAX_LISTED_ROWS = 20;

    private final PrintWriter out;

    BatchRun(PrintWriter out) {
        this.out = out;
    }

    /** @return the exit code: 0 when every row succeeded, else 1 */
    int run(List<CsvTable.Row> allRows, RowAction action) {
        List<CsvTable.Row> rows = allRows.stream().filter(row -> !row.isBlank()).toList();
        int width = String.valueOf(rows.size()).length();
        List<Integer> failedRows = new ArrayList<>();
        int ok = 0;
        int connectionFailuresInARow = 0;
        int done = 0;
        for (CsvTable.Row row : rows) {
            if (connectionFailuresInARow >= STOP_AFTER_CONNECTION_FAILURES) {
                break;
            }
            done++;
            String prefix = String.format("[%" + width + "d/%d] row %d: ", done, rows.size(), row.number());
            try {
                if (row.problem() != null) {
                    throw new CellValues.BadValue(row.problem());
                }
                out.println(prefix + "ok " + action.run(row));
                ok++;
                connectionFailuresInARow = 0;
            } catch (CellValues.BadValue | IllegalArgumentException e) {
                fail(prefix, e.getMessage(), row, failedRows);
            } catch (ArborApiException e) {
                fail(prefix, e.problem().summary(), row, failedRows);
                connectionFailuresInARow = 0;
            } catch (ArborConnectionException e) {
                fail(prefix, e.getMessage(), row, failedRows);
                connectionFailuresInARow++;
            } catch (ArborException e) {
                fail(prefix, e.getMessage(), row, failedRows);
            }
            out.flush();
        }
        out.println(summary(rows.size(), ok, failedRows, rows.size() - done));
        out.flush();
        return failedRows.isEmpty() && done == rows.size() ? 0 : 1;
    }

    private void fail(String prefix, String message, CsvTable.Row row, List<Integer> failedRows) {
        out.println(prefix + "FAILED " + message);
        failedRows.add(row.number());
    }

    static String summary(int total, int ok, List<Integer> failedRows, int notAttempted) {
        StringBuilder line = new StringBuilder();
        if (notAttempted > 0) {
            line.append("Stopped: the server could not be reached ").append(STOP_AFTER_CONNECTION_FAILURES)
                    .append(" times in a row. ");
        }
        line.append("Summary: ").append(total).append(total == 1 ? " row, " : " rows, ")
                .append(ok).append(" ok, ").append(failedRows.size()).append(" failed");
        if (notAttempted > 0) {
            line.append(", ").append(notAttempted).append(" not attempted");
        }
        if (!failedRows.isEmpty()) {
            List<String> listed = failedRows.stream().limit(MAX_LISTED_ROWS).map(String::valueOf).toList();
            line.append(failedRows.size() == 1 ? " (row " : " (rows ").append(String.join(", ", listed))
                    .append(failedRows.size() > MAX_LISTED_ROWS ? ", ..." : "").append(")");
        }
        return line.append('.').toString();
    }
}
