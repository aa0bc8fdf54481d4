package org.arborlab.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times on admin pages. The page carries UTC, to the second, the same for every viewer, inside
 * {@code <time datetime="..." data-local>}; arbor-admin.js then shows it in the viewer's own time zone (with the
 * zone's name, UTC in the tooltip).
 */
@Named("times")
@ApplicationScoped
public class Times {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String format(Long epochMillis) {
        return epochMillis == null ? "" : FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** "2026-12-07 13:05:02 UTC", or "" for no time. */
    public String utc(Long epochMillis) {
        return format(epochMillis);
    }

    /** The instant for the datetime attribute, e.g. "2026-12-07T13:05:02Z", or "" for no time. */
    public String iso(Long epochMillis) {
        return epochMillis == null ? "" : DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis / 1000 * 1000));
    }

    /** "5 minutes ago" from now. */
    public String ago(Long epochMillis) {
        return epochMillis == null ? "" : RelativeTime.since(epochMillis, System.currentTimeMillis());
    }
}
