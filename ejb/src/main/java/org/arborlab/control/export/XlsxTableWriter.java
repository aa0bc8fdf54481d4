package org.arborlab.control.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A real .xlsx through POI's streaming writer: only a window of rows stays in memory, the rest goes to a
 * temporary file until the workbook is written out. Numbers are numeric cells, text is text.
 */
final class XlsxTableWriter implements TableWriter {
    /** Excel's limit; a bigger export is refused rather than cut. */
    static final int MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private int next;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        workbook.setCompressTempFiles(false); // gzip would halve the temporary file but double the time
        this.sheet = workbook.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
    }

    @Override
    public void row(List<?> values) {
        if (next >= MAX_ROWS) {
            throw new IllegalStateException("An .xlsx sheet holds at most " + MAX_ROWS + " rows; export as CSV");
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    @Override
    public void abort() {
        try {
            workbook.dispose(); // deletes the temporary file; nothing is written to the client
            workbook.close();
        } catch (IOException e) {
            // nothing more to do for a failed export
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
