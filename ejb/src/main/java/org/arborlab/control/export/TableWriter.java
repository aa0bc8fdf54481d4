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
}
