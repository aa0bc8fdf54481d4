package org.arborlab.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A CSV file with a header row, read completely before anything is sent, so a broken file (bad quoting, not
 * UTF-8, duplicate columns) stops the run before the first request.
 * Rows are numbered like a spreadsheet: the header is row 1.
 */
final class CsvTable {

    /** One data row: cells by column name, blank cells left out. {@code problem} is set for a malformed row. */
    record Row(int number, Map<String, String> cells, String problem) {
        boolean isBlank() {
            return cells.isEmpty() && problem == null;
        }
    }

    /** The file cannot be used at all; the message says why. */
    static final class BadFile extends Exception {
        BadFile(String message) {
            super(message);
        }
    }

    private final List<String> columns;
    private final List<Row> rows;

    private CsvTable(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }

    static CsvTable read(Path file, char delimiter) throws BadFile {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            return parse(reader, delimiter);
        } catch (CharacterCodingException e) {
            throw new BadFile(file + " is not UTF-8 text; in Excel save it as \"CSV UTF-8\"");
        } catch (IOException e) {
            throw new BadFile("cannot read " + file + ": " + e.getMessage());
        }
    }

    static CsvTable parse(Reader reader, char delimiter) throws BadFile, IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                // Blank lines are kept (and skipped later) so row numbers stay those of the spreadsheet.
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> columns = parser.getHeaderNames().stream().map(String::strip).toList();
            if (columns.stream().allMatch(String::isEmpty)) {
                throw new BadFile("the file is empty; the first row must name the columns");
            }
            List<Row> rows = new ArrayList<>();
            int number = 1;
            try {
                for (CSVRecord record : parser) {
                    // commons-csv does not count the header record; the spreadsheet does.
                    number = (int) record.getRecordNumber() + 1;
                    rows.add(toRow(number, columns, record));
                }
            } catch (UncheckedIOException e) {
                throw new BadFile("row " + (number + 1) + " or later: " + e.getCause().getMessage());
            }
            return new CsvTable(columns, rows);
        } catch (IllegalArgumentException e) {
            // commons-csv reports duplicate or otherwise unusable header names this way.
            throw new BadFile("bad header row: " + e.getMessage());
        }
    }

    private static Row toRow(int number, List<String> columns, CSVRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        String problem = null;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.isBlank()) {
                continue;
            }
            if (i >= columns.size() || columns.get(i).isEmpty()) {
                problem = "a value in column " + (i + 1) + ", which has no name in the header: " + value;
                continue;
            }
            cells.put(columns.get(i), value);
        }
        // Fewer cells than columns is fine (some tools drop trailing empty cells): missing means blank.
        return new Row(number, cells, problem);
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
