package org.arborlab.client.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON-object parameter given in a CSV row as a whole ({@code vars} = {@code {"age": 25}}) and/or key by key
 * in dotted columns ({@code vars.age} = {@code 25}), which is friendlier to fill in a spreadsheet.
 */
final class ObjectColumns {
    private ObjectColumns() {
    }

    static boolean belongsTo(String parameter, String column) {
        return column.equals(parameter) || column.startsWith(parameter + ".") && column.length() > parameter.length() + 1;
    }

    /** The merged object, or null when the row gives none of it. */
    static Map<String, Object> collect(String parameter, Map<String, String> cells) throws CellValues.BadValue {
        Map<String, Object> result = null;
        String whole = cells.get(parameter);
        if (whole != null) {
            result = new LinkedHashMap<>(CellValues.jsonObject(parameter, whole));
        }
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (!cell.getKey().startsWith(parameter + ".")) {
                continue;
            }
            String key = cell.getKey().substring(parameter.length() + 1);
            if (result == null) {
                result = new LinkedHashMap<>();
            }
            if (result.containsKey(key)) {
                throw new CellValues.BadValue(key + " is given both in " + parameter + " and in " + cell.getKey());
            }
            result.put(key, CellValues.jsonOrText(cell.getValue()));
        }
        return result;
    }
}
