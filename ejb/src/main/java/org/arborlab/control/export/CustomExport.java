package org.arborlab.control.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** An app's custom export, as oTree runs it: its rows as it yields them, cells formatted as in every export. */
final class CustomExport {

    private CustomExport() {
    }

    /** Writes the rows as they come and closes the stream (and with it the app's players). */
    static long write(Stream<List<Object>> rows, TableWriter out) throws Exception {
        long written = 0;
        try (rows) {
            Iterator<List<Object>> it = rows.iterator();
            List<Object> cells = new ArrayList<>();
            while (it.hasNext()) {
                List<Object> row = it.next();
                cells.clear();
                if (row != null) {
                    for (Object value : row) {
                        cells.add(Cells.of(value));
                    }
                }
                out.row(cells);
                written++;
            }
        }
        return written;
    }
}
