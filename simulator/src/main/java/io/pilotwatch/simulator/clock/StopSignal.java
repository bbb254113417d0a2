package io.pilotwatch.simulator.clock;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way "please stop" flag that also wakes up anyone pacing, so that Ctrl-C does not wait for the next
 * simulated event in real time. Thread-safe.
 */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile String reason = "";

    /** Requests a stop; later calls keep the first reason. */
    public void request(String why) {
        synchronized (this) {
            if (requested.getCount() > 0) {
                reason = why;
                requested.countDown();
            }
        }
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Why the stop was requested, {@code ""} if it was not. */
    public String reason() {
        return reason;
    }

    /**
     * Waits up to {@code nanos} or until a stop is requested.
     *
     * @return true if a stop was requested
     */
    public boolean awaitNanos(long nanos) throws InterruptedException {
        return requested.await(nanos, TimeUnit.NANOSECONDS);
    }
}
