package io.pilotwatch.simulator.publish;

import io.pilotwatch.telemetry.Kind;

/** Messages published so far, by origin and kind. Written by the simulation thread, read by anyone. */
public final class MessageCounts {

    private final long[][] counts = new long[Origin.values().length][Kind.values().length];
    private long retained;
    private volatile long total;

    private void count(Outgoing message) {
        counts[message.origin().ordinal()][message.kind().ordinal()]++;
        if (message.retained()) {
            retained++;
        }
        total++;
    }

    /** Messages of this origin and kind. */
    public synchronized long of(Origin origin, Kind kind) {
        return counts[origin.ordinal()][kind.ordinal()];
    }

    /** Messages of this origin, all kinds. */
    public synchronized long of(Origin origin) {
        long sum = 0;
        for (long count : counts[origin.ordinal()]) {
            sum += count;
        }
        return sum;
    }

    /** Every message published, of any origin. */
    public long total() {
        return total;
    }

    /** Publishes with the retain flag (profiles, and duplicates of profiles). */
    public synchronized long retained() {
        return retained;
    }

    synchronized void add(Outgoing message) {
        count(message);
    }
}
