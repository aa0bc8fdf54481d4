package org.arborlab.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.arborlab.web.cluster.Grid;
import org.arborlab.web.cluster.SharedMap;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(30).withClock(now::get)
            .sharing(Grid.alone().map("login-failures"));

    @Test
    void fiveFailuresFromOneAddressLockItWithDoublingDelays() {
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT - 1; i++) {
            throttle.failed("10.0.0.1", "admin");
            assertEquals(Duration.ZERO, throttle.wait("10.0.0.1", "admin"));
        }
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Duration.ofSeconds(30), throttle.wait("10.0.0.1", "admin"));
        assertEquals(Duration.ZERO, throttle.wait("10.0.0.2", "someone"), "other addresses and users are not locked");
        now.addAndGet(30_000);
        assertEquals(Duration.ZERO, throttle.wait("10.0.0.1", "admin"));
        throttle.failed("10.0.0.1", "admin");
        assertEquals(Duration.ofSeconds(60), throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void oneUserNameIsLockedAfterTenFailuresFromAnywhere() {
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            throttle.failed("10.0.1." + i, "admin");
        }
        assertTrue(throttle.wait("10.9.9.9", "admin").toSeconds() > 0);
        assertEquals(Duration.ZERO, throttle.wait("10.9.9.9", "other"));
    }

    @Test
    void aSuccessClearsTheCountsAndDelaysAreCapped() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1", "admin");
        }
        assertEquals(Duration.ofMinutes(15), throttle.wait("10.0.0.1", "admin"));
        throttle.succeeded("10.0.0.1", "admin");
        assertEquals(Duration.ZERO, throttle.wait("10.0.0.1", "admin"));
    }

    @Test
    void instancesSharingTheGridCountTogether() {
        SharedMap shared = Grid.alone().map("login-failures");
        LoginThrottle one = new LoginThrottle(30).withClock(now::get).sharing(shared);
        LoginThrottle two = new LoginThrottle(30).withClock(now::get).sharing(shared);
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            (i % 2 == 0 ? one : two).failed("10.0.0.1", "admin");
        }
        assertEquals(Duration.ofSeconds(30), one.wait("10.0.0.1", "admin"));
        assertEquals(Duration.ofSeconds(30), two.wait("10.0.0.1", "admin"));
        two.succeeded("10.0.0.1", "admin");
        assertEquals(Duration.ZERO, one.wait("10.0.0.1", "admin"));
    }
}
