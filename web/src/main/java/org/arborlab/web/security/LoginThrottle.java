package org.arborlab.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.arborlab.web.cluster.Grid;
import org.arborlab.web.cluster.SharedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per client address and per user name. After {@value #ADDRESS_LIMIT} failures from one
 * address (or {@value #USER_LIMIT} for one user name, from anywhere) further attempts are refused for a delay
 * that doubles with each further failure (ARBOR_LOGIN_LOCKOUT_SECONDS, default 30 s, at most 15 minutes). A
 * success clears the address's and the user's count. The counts are kept in a map all instances share
 * ({@link Grid}): behind a load balancer a client gets its five tries in all, not five per instance.
 */
@ApplicationScoped
public class LoginThrottle {
    static final int ADDRESS_LIMIT = 5;
    static final int USER_LIMIT = 10;
    private static final long MAX_LOCK_MILLIS = Duration.ofMinutes(15).toMillis();

    private static final Duration FORGET_AFTER = Duration.ofHours(24);

    @Inject
    Grid grid;

    private SharedMap failures;
    private long baseMillis;
    private LongSupplier clock = System::currentTimeMillis;

    /** Failures so far and the time of the last one, shared as "count lastMillis". */
    private record Failures(int count, long lastMillis) {
        static Failures decode(String value) {
            String[] parts = value.split(" ");
            return new Failures(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        }

        String encode() {
            return count + " " + lastMillis;
        }
    }

    public LoginThrottle() {
        this(30);
    }

    @Inject
    public LoginThrottle(@ConfigProperty(name = "ARBOR_LOGIN_LOCKOUT_SECONDS", defaultValue = "30") long seconds) {
        this.baseMillis = Math.max(1, seconds) * 1000;
    }

    @PostConstruct
    void join() {
        failures = grid.map("login-failures");
    }

    LoginThrottle withClock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    LoginThrottle sharing(SharedMap failures) {
        this.failures = failures;
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
        for (String key : new String[] {"addr:" + address, "user:" + user}) {
            // counted atomically across instances; a day without failures forgets the count
            failures.update(key, old -> new Failures(old == null ? 1 : Failures.decode(old).count() + 1, now).encode(),
                    FORGET_AFTER);
        }
    }

    public void succeeded(String address, String user) {
        failures.remove("addr:" + address);
        failures.remove("user:" + user);
    }

    private long remaining(String key, int limit, long now) {
        String shared = failures.get(key);
        Failures f = shared == null ? null : Failures.decode(shared);
        if (f == null || f.count() < limit) {
            return 0;
        }
        int over = Math.min(f.count() - limit, 20);
        long lock = Math.min(MAX_LOCK_MILLIS, baseMillis << over);
        return Math.max(0, f.lastMillis() + lock - now);
    }
}
