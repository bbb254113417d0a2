package io.pilotwatch.ingest.forward;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds what the bridge holds between receiving a message and Kafka acknowledging it, in count and in
 * bytes. A message that does not fit is refused, never queued: the caller decides what refusal means
 * for its source (see docs/guarantees.md).
 */
public final class InflightLimiter {

    private final int maxMessages;
    private final long maxBytes;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public InflightLimiter(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Takes room for one message of {@code size} bytes; false (and nothing taken) if it does not fit. */
    public boolean tryAcquire(int size) {
        if (messages.incrementAndGet() > maxMessages) {
            messages.decrementAndGet();
            return false;
        }
        // One message always fits, so that a single large message cannot wedge the bridge.
        if (bytes.addAndGet(size) > maxBytes && messages.get() > 1) {
            bytes.addAndGet(-size);
            messages.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back the room of one message of {@code size} bytes. */
    public void release(int size) {
        bytes.addAndGet(-size);
        messages.decrementAndGet();
    }

    public long messages() {
        return messages.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
