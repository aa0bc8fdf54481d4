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
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out, String lineEnd) throws IOException {
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
}
