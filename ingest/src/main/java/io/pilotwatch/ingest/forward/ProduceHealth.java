package io.pilotwatch.ingest.forward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the producer can produce, as its sends show: a cluster that answers {@code describeCluster} may still
 * refuse every record (the bridge not authorized, the DLQ's records too large). Not ready while a DLQ write fails
 * for good (until a later write to that topic succeeds), or while sends are pending and none has succeeded for
 * the stall timeout. Thread-safe.
 */
public final class ProduceHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ProduceHealth.class);

    private final Clock clock;
    private final Duration stallTimeout;
    private final AtomicLong pending = new AtomicLong();
    private volatile Instant lastProgress;
    /** Topic -> the permanent error of its last failed write; removed by the next success on the topic. */
    private final Map<String, String> refusedTopics = new ConcurrentHashMap<>();
    /** What was logged at ERROR, so that each topic and error class is logged once while it lasts. */
    private final Map<String, Boolean> logged = new ConcurrentHashMap<>();

    /** @param stallTimeout not ready when sends have been pending this long without one succeeding */
    public ProduceHealth(Clock clock, Duration stallTimeout) {
        this.clock = clock;
        this.stallTimeout = stallTimeout;
        this.lastProgress = clock.instant();
    }

    void sendStarted() {
        if (pending.getAndIncrement() == 0) {
            lastProgress = clock.instant(); // the stall is measured from the first pending send
        }
    }

    void sendSucceeded(String topic) {
        pending.decrementAndGet();
        lastProgress = clock.instant();
        if (refusedTopics.remove(topic) != null) {
            logged.keySet().removeIf(key -> key.startsWith(topic + " "));
            LOG.info("Kafka accepts records on {} again", topic);
        }
    }

    void sendFailed() {
        pending.decrementAndGet();
    }

    /** A write that could not even go to the DLQ: logged at ERROR once per topic and error class. */
    void cannotWrite(String topic, Throwable error) {
        refusedTopics.put(topic, KafkaErrors.describe(error));
        if (logged.putIfAbsent(topic + " " + error.getClass().getName(), Boolean.TRUE) == null) {
            LOG.error("Kafka refuses records on {} for good ({}): the bridge keeps the message unacknowledged and "
                    + "retries; readiness is DOWN until a write to {} succeeds. Check the topic's existence, "
                    + "max.message.bytes and the bridge's ACLs", topic, KafkaErrors.describe(error), topic);
        }
    }

    /** False while a DLQ write fails for good, or sends are pending without success for the stall timeout. */
    public boolean canProduce() {
        if (!refusedTopics.isEmpty()) {
            return false;
        }
        return pending.get() == 0 || !clock.instant().isAfter(lastProgress.plus(stallTimeout));
    }

    /** Sends started and not yet answered, for tests and metrics. */
    public long pending() {
        return pending.get();
    }
}
