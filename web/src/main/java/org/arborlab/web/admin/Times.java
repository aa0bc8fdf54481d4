package org.arborlab.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on admin pages: UTC, to the second, the same for every viewer. */
final class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String format(Long epochMillis) {
        return epochMillis == null ? "" : FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }
}
