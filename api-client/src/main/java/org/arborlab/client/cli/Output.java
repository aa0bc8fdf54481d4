package org.arborlab.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.arborlab.client.Json;

/** Printing helpers: JSON for scripts, aligned columns for people. */
final class Output {

    private static final ObjectMapper JSON = Json.mapper();
    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Columns padded to their widest cell; null cells print empty. */
    static void table(PrintWriter out, List<String> header, List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(header);
        for (List<Object> row : rows) {
            cells.add(row.stream().map(value -> value == null ? "" : String.valueOf(value)).toList());
        }
        int[] widths = new int[header.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
