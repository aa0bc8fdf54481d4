package org.arborlab.control.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV as oTree writes it: UTF-8, minimal quoting, CRLF line ends (LF for page times). */
final class CsvTableWriter implements TableWriter {
    private final OutputStream out;
    private final String lineEnd;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out, String lineEnd) throws IOException {
        this.out = out;
        this.lineEnd = lineEnd;
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator(lineEnd)
                .setNullString("").get()); // a blank cell is written as nothing, as Python's csv module does
    }

    @Override
    public void row(List<?> values) throws IOException {
        for (Object value : values) {
            printer.print(value instanceof BigDecimal d ? d.toPlainString() : value);
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }

    /**
     * Part of the file is already with the client and the servlet container ends the response normally, so the
     * file itself must say that it is incomplete: a last line starting with {@link ExportFormat#FAILED}.
     */
    @Override
    public void abort() {
        try {
            out.write((lineEnd + ExportFormat.FAILED + ": the export stopped before the end; this file is incomplete"
                    + " (see the server log)" + lineEnd).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // the client has gone; nothing to tell
        }
    }
}
