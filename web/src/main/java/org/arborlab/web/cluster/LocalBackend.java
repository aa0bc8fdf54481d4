package org.arborlab.web.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * One instance on its own: messages go nowhere (there is nobody else), maps are in memory. Used on servers
 * without Payara's data grid (GlassFish, WildFly, Liberty) and on Payara with the data grid off
 * ({@code deploy/run} without {@code ARBOR_CLUSTER_MEMBERS}).
 */
final class LocalBackend implements GridBackend {
    private final String memberId = UUID.randomUUID().toString();
    private final Map<String, LocalMap> maps = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    LocalBackend() {
        this(System::currentTimeMillis);
    }

    LocalBackend(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public String memberId() {
        return memberId;
    }

    @Override
    public java.util.Set<String> memberIds() {
        return java.util.Set.of(memberId);
    }

    @Override
    public String describe() {
        return "this instance only (no data grid)";
    }

    @Override
    public void publish(String message) {
        // no other instance
    }

    @Override
    public void start(Consumer<String> receiver) {
        // nothing arrives from elsewhere
    }

    @Override
    public SharedMap map(String name) {
        return maps.computeIfAbsent(name, n -> new LocalMap(clock));
    }

    @Override
    public void stop() {
        maps.clear();
    }

    /** Entries with their expiry time; expired ones are dropped when met and swept as the map grows. */
    private static final class LocalMap implements SharedMap {
        private record Entry(String value, long expiresAt) {
        }

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final LongSupplier clock;

        LocalMap(LongSupplier clock) {
            this.clock = clock;
        }

        @Override
        public String get(String key) {
            Entry e = entries.get(key);
            return e == null || e.expiresAt() <= clock.getAsLong() ? null : e.value();
        }

        @Override
        public void put(String key, String value, Duration timeToLive) {
            sweep();
            entries.put(key, new Entry(value, clock.getAsLong() + timeToLive.toMillis()));
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public String update(String key, UnaryOperator<String> change, Duration timeToLive) {
            sweep();
            long now = clock.getAsLong();
            Entry result = entries.compute(key, (k, old) -> {
                String value = change.apply(old == null || old.expiresAt() <= now ? null : old.value());
                return value == null ? null : new Entry(value, now + timeToLive.toMillis());
            });
            return result == null ? null : result.value();
        }

        @Override
        public Map<String, String> entries() {
            long now = clock.getAsLong();
            Map<String, String> copy = new HashMap<>();
            entries.forEach((k, e) -> {
                if (e.expiresAt() > now) {
                    copy.put(k, e.value());
                }
            });
            return copy;
        }

        private void sweep() {
            if (entries.size() > 10_000) {
                long now = clock.getAsLong();
                entries.values().removeIf(e -> e.expiresAt() <= now);
            }
        }
    }
}
