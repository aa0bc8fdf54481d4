package org.arborlab.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimesTest {
    private static final long NOW = 1_796_645_000_000L;

    @Test
    void relativeTimesCountMinutesWithinTheFirstHour() {
        assertEquals("just now", RelativeTime.since(NOW - 59_000, NOW));
        assertEquals("1 minute ago", RelativeTime.since(NOW - 60_000, NOW));
        assertEquals("42 minutes ago", RelativeTime.since(NOW - 42 * 60_000, NOW));
        assertEquals("1 hour ago", RelativeTime.since(NOW - 61 * 60_000, NOW));
        assertEquals("5 hours ago", RelativeTime.since(NOW - 5 * 3_600_000, NOW));
        assertEquals("2 days ago", RelativeTime.since(NOW - 49 * 3_600_000L, NOW));
        assertEquals("just now", RelativeTime.since(NOW + 5_000, NOW), "a clock a little ahead");
    }

    @Test
    void pagesCarryUtcAndTheInstantForTheBrowser() {
        Times times = new Times();
        assertEquals("2026-12-07 12:03:20 UTC", times.utc(NOW));
        assertEquals("2026-12-07T12:03:20Z", times.iso(NOW + 999));
        assertEquals("", times.iso(null));
    }
}
