package io.pilotwatch.simulator.clock;

/**
 * Maps simulated time to wall time at a fixed speed, starting at the first message; waits on the stop signal
 * so that Ctrl-C or the end of {@code --duration} wakes it at once.
 */
final class ScaledPacer implements Pacer {

    private final double speed;
    private final long simStartMillis;
    private final StopSignal stop;
    private long wallStartNanos;
    private boolean started;

    ScaledPacer(double speed, long simStartMillis, StopSignal stop) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        this.speed = speed;
        this.simStartMillis = simStartMillis;
        this.stop = stop;
    }

    @Override
    public void awaitSimTime(long simMillis) {
        if (!started) {
            // The clock starts with the first message, after connecting, so a slow connect does not cause a burst.
            started = true;
            wallStartNanos = System.nanoTime();
        }
        double wallOffsetNanos = (simMillis - simStartMillis) * 1_000_000.0 / speed;
        long due = wallStartNanos + (long) Math.min(wallOffsetNanos, Long.MAX_VALUE / 2.0);
        long remaining = due - System.nanoTime();
        if (remaining > 0) {
            try {
                stop.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public long simNowMillis(long fallback) {
        if (!started) {
            return fallback;
        }
        return simStartMillis + (long) ((System.nanoTime() - wallStartNanos) / 1_000_000.0 * speed);
    }
}
