package org.arborlab.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per client address and per user name. After {@value #ADDRESS_LIMIT} failures from one
 * address (or {@value #USER_LIMIT} for one user name, from anywhere) further attempts are refused for a delay
 * that doubles with each further failure (ARBOR_LOGIN_LOCKOUT_SECONDS, default 30 s, at most 15 minutes). A
 * success clears the address's and the user's count. Kept in memory: one server instance counts on its own.
 */
@ApplicationScoped
public class LoginThrottle {
    static final int ADDRESS_LIMIT = 5;
    static final int USER_LIMIT = 10;
    private static final long MAX_LOCK_MILLIS = Duration.ofMinutes(15).toMillis();
    private static final long FORGET_AFTER_MILLIS = Duration.ofHours(24).toMillis();

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private long baseMillis;
    private LongSupplier clock = System::currentTimeMillis;

    /** Failures so far and the time of the last one. */
    private record Failures(int count, long lastMillis) {
    }

    public LoginThrottle() {
        this(30);
    }

    @Inject
    public LoginThrottle(@ConfigProperty(name = "ARBOR_LOGIN_LOCKOUT_SECONDS", defaultValue = "30") long seconds) {
        this.baseMillis = Math.max(1, seconds) * 1000;
    }

    LoginThrottle withClock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    /** How long this address or user must still wait before trying again; zero when they may try now. */
    public Duration wait(String address, String user) {
        long now = clock.getAsLong();
        return Duration.ofMillis(Math.max(remaining("addr:" + address, ADDRESS_LIMIT, now),
                remaining("user:" + user, USER_LIMIT, now)));
    }

    public void failed(String address, String user) {
        long now = clock.getAsLong();
        if (failures.size() > 10_000) {
            failures.values().removeIf(f -> now - f.lastMillis() > FORGET_AFTER_MILLIS);
        }
        failures.merge("addr:" + address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        failures.merge("user:" + user, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
    }

    public void succeeded(String address, String user) {
        failures.remove("addr:" + address);
        failures.remove("user:" + user);
    }

    private long remaining(String key, int limit, long now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < limit) {
            return 0;
        }
        int over = Math.min(f.count() - limit, 20);
        long lock = Math.min(MAX_LOCK_MILLIS, baseMillis << over);
        return Math.max(0, f.lastMillis() + lock - now);
    }
}
