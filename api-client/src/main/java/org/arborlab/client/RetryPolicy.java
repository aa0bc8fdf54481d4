package org.arborlab.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a safe request is repeated after a connection failure or a 5xx answer.
 * 4xx answers are never repeated: the request itself is wrong and would fail the same way again.
 * The backoff doubles (times {@code multiplier}) from {@code initialBackoff} up to {@code maxBackoff}; there is
 * no random jitter, which keeps tests deterministic and is harmless for the few clients a lab runs.
 *
 * @param maxAttempts total attempts including the first; 1 means no retry
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || multiplier < 1) {
            throw new IllegalArgumentException("backoff must not shrink or be negative");
        }
    }

    /** 4 attempts, waiting 0.5 s, 1 s, 2 s in between. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0);
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier);
    }

    /** The wait before attempt number {@code failedAttempts + 1}. */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** 5xx except those that say the request can never work (501 Not Implemented, 505 HTTP Version). */
    public boolean isRetryableStatus(int status) {
        return status >= 500 && status != 501 && status != 505;
    }
}
