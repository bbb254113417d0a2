package io.pilotwatch.ingest.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: after a broker restart, many bridges must not reconnect in step.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int attempt;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
    }

    /** The next delay: uniformly random up to min(max, initial * 2^attempt), at least 1 ms. */
    long nextDelayMillis() {
        long ceiling = Math.min(maxMillis, initialMillis << Math.min(attempt, 20));
        attempt++;
        return 1 + ThreadLocalRandom.current().nextLong(ceiling);
    }

    void reset() {
        attempt = 0;
    }
}
