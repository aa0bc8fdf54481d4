package org.arborlab.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalBackendTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final SharedMap map = new LocalBackend(now::get).map("test");

    @Test
    void entriesExpireAfterTheirTimeToLive() {
        map.put("a", "1", Duration.ofSeconds(10));
        assertEquals("1", map.get("a"));
        now.addAndGet(10_000);
        assertNull(map.get("a"));
        assertEquals(Map.of(), map.entries());
    }

    @Test
    void updateSeesTheCurrentValueAndNullRemoves() {
        assertEquals("1", map.update("n", old -> old == null ? "1" : old + "1", Duration.ofMinutes(1)));
        assertEquals("11", map.update("n", old -> old == null ? "1" : old + "1", Duration.ofMinutes(1)));
        assertNull(map.update("n", old -> null, Duration.ofMinutes(1)));
        assertNull(map.get("n"));
    }

    @Test
    void aGridAloneHearsNothingFromOthersAndHasOneMember() {
        Grid grid = new Grid(new LocalBackend(now::get));
        grid.onMessage(m -> {
            throw new AssertionError("nobody else publishes: " + m);
        });
        grid.publish("reload wait:abc");
        assertEquals(java.util.Set.of(grid.memberId()), grid.memberIds());
    }
}
