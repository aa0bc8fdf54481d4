package org.arborlab.control.export;

import java.io.IOException;
import java.io.OutputStream;

/** CSV or a real Excel workbook. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=utf-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /**
     * How a CSV export that failed half-way ends: a last line starting with this text (an .xlsx that fails is
     * never sent: the answer is an error instead).
     */
    public static final String FAILED = "ARBOR EXPORT FAILED";

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    TableWriter open(OutputStream out, String sheetName, String csvLineEnd) throws IOException {
        return this == CSV ? new CsvTableWriter(out, csvLineEnd) : new XlsxTableWriter(out, sheetName);
    }

    /** {@code csv} or {@code xlsx}, as in the REST parameter {@code format}. */
    public static ExportFormat parse(String text) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException("format must be csv or xlsx, got \"" + text + "\"");
    }
}
