package io.pilotwatch.simulator.sim;

import java.util.PriorityQueue;

/**
 * The discrete-event agenda: actions ordered by simulated time, ties broken by scheduling order, so a run
 * is fully determined by the scenario and the seed.
 */
final class EventQueue {

    private record Entry(long millis, long order, Runnable action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = Long.compare(millis, other.millis);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private long scheduled;
    private long now = Long.MIN_VALUE;

    void schedule(long millis, Runnable action) {
        if (millis < now) {
            throw new IllegalStateException("cannot schedule in the past: " + millis + " < " + now);
        }
        entries.add(new Entry(millis, scheduled++, action));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The time of the next action; only when not empty. */
    long peekMillis() {
        return entries.element().millis();
    }

    /** Runs the next action, advancing the clock to its time. */
    void runNext() {
        Entry next = entries.remove();
        now = next.millis();
        next.action().run();
    }

    /** The time of the action running or last run. */
    long now() {
        return now;
    }
}
