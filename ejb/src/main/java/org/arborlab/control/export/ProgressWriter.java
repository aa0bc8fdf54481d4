package org.arborlab.control.export;

import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;

/** Passes rows on and reports how many went through, for the Data page's progress bar. */
final class ProgressWriter implements TableWriter {
    static final int EVERY = 1_000;

    private final TableWriter target;
    private final LongConsumer rowsWritten;
    private long rows;

    ProgressWriter(TableWriter target, LongConsumer rowsWritten) {
        this.target = target;
        this.rowsWritten = rowsWritten;
    }

    @Override
    public void row(List<?> values) throws IOException {
        target.row(values);
        if (++rows % EVERY == 0) {
            rowsWritten.accept(rows);
        }
    }

    @Override
    public void abort() {
        rowsWritten.accept(rows);
        target.abort();
    }

    /** The count is final before an .xlsx workbook is assembled and sent, which takes a while. */
    @Override
    public void close() throws IOException {
        rowsWritten.accept(rows);
        target.close();
    }
}
