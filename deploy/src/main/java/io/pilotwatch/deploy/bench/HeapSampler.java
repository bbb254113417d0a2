package io.pilotwatch.deploy.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the heap in use every 50 ms on a daemon thread and keeps the peak. "Used" includes garbage not yet
 * collected, so the peak is what the heap had to hold, an upper bound of the live set.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, usedBytes());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long usedBytes() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    long peakBytes() {
        return Math.max(peak, usedBytes());
    }

    /** Heap still in use after a full collection: what the running service keeps. */
    long liveBytesAfterGc() {
        memory.gc();
        return usedBytes();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
