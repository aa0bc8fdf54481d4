package org.arborlab.web.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A map of strings that every instance sees (on the data grid) or only this one (locally). Values are strings so
 * that no member ever needs Arbor's classes to read them. Entries expire after the time they were put with.
 */
public interface SharedMap {

    /** The value, or null when there is none (or it expired). */
    String get(String key);

    void put(String key, String value, Duration timeToLive);

    void remove(String key);

    /**
     * Replaces the value by {@code change} applied to it (null when absent), atomically across instances; a null
     * result removes the entry. Returns the new value.
     */
    String update(String key, UnaryOperator<String> change, Duration timeToLive);

    /** A copy of every entry, for small maps. */
    Map<String, String> entries();
}
