package org.arborlab.control.export;

import java.io.IOException;
import java.util.List;

/** Where export rows go: a CSV or an .xlsx file being streamed to the client. */
public interface TableWriter extends AutoCloseable {

    /** Values are already formatted by {@link Cells}: null, a String, or a Number. */
    void row(List<?> values) throws IOException;

    /** Finishes the file (for .xlsx: writes it out); the stream itself stays open. */
    @Override
    void close() throws IOException;

    /**
     * Gives up after a failure: the file is left unfinished (an .xlsx is not written at all, CSV rows still
     * buffered are dropped), so that the client sees a broken download rather than a short, valid-looking file.
     */
    default void abort() {
    }
}
