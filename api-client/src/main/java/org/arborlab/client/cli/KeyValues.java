package org.arborlab.client.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code NAME=VALUE} arguments (vars, config fields). VALUE follows {@link CellValues#jsonOrText}. */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, Object> parse(List<String> arguments) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String argument : arguments == null ? List.<String>of() : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected NAME=VALUE, got: " + argument);
            }
            String name = argument.substring(0, equals);
            if (map.containsKey(name)) {
                throw new IllegalArgumentException(name + " is given twice");
            }
            map.put(name, CellValues.jsonOrText(argument.substring(equals + 1)));
        }
        return map;
    }

    /** {@code --vars '{...}'} merged with NAME=VALUE arguments; a name given twice is an error. */
    static Map<String, Object> merge(String name, String jsonObject, List<String> arguments) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (jsonObject != null) {
            try {
                map.putAll(CellValues.jsonObject(name, jsonObject));
            } catch (CellValues.BadValue e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        for (Map.Entry<String, Object> entry : parse(arguments).entrySet()) {
            if (map.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(entry.getKey() + " is given twice");
            }
            map.put(entry.getKey(), entry.getValue());
        }
        return map;
    }
}
