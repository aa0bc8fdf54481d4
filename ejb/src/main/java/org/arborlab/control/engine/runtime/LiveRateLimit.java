package org.arborlab.control.engine.runtime;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many live messages a participant may send: {@code perSecond} on average, with bursts of up to
 * {@code burst} (a token bucket per participant). Kept in memory by whoever receives the messages, so on several
 * instances each counts what it receives. Thread-safe.
 */
public final class LiveRateLimit {
    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LiveRateLimit(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Whether the participant may send a message now; if so, it is counted. */
    public boolean allow(String participantCode, long nowMillis) {
        if (buckets.size() > 100_000) {
            forgetIdle(nowMillis);
        }
        Bucket bucket = buckets.computeIfAbsent(participantCode, c -> new Bucket(burst, nowMillis));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowMillis - bucket.lastMillis) * perSecond / 1000.0);
            bucket.lastMillis = Math.max(bucket.lastMillis, nowMillis);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** The message for a participant over the limit. */
    public String refusal() {
        return "Too many live messages: at most " + format(perSecond) + " a second (" + burst + " at once).";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Drops the buckets that are full again: their participants are as new. */
    private void forgetIdle(long nowMillis) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            if ((nowMillis - bucket.lastMillis) * perSecond / 1000.0 >= burst) {
                it.remove();
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long lastMillis) {
            this.tokens = tokens;
            this.lastMillis = lastMillis;
        }
    }
}
