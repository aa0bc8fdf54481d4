package org.arborlab.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that, unlike Map.copyOf, keep JSON nulls and key order. */
final class Maps {
    private Maps() {
    }

    static Map<String, Object> readOnlyCopy(Map<String, ?> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> List<T> readOnlyCopy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
