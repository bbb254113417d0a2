package io.pilotwatch.simulator.clock;

/**
 * Holds publishing back until wall time catches up with simulated time. Generation never waits on it: the
 * simulation is the same at any pace.
 */
public interface Pacer {

    /** Backfill: never waits. */
    Pacer NONE = new Pacer() {
        @Override
        public void awaitSimTime(long simMillis) {
        }

        @Override
        public long simNowMillis(long fallback) {
            return fallback;
        }
    };

    /**
     * Returns when the message with simulated time {@code simMillis} may be published, or early when a stop
     * is requested or the thread is interrupted (the interrupt flag is then kept).
     */
    void awaitSimTime(long simMillis);

    /** The simulated time that wall time has reached, or {@code fallback} if this pacer does not follow wall time. */
    long simNowMillis(long fallback);

    /** {@code speed} simulated seconds per wall second; simulated time {@code simStartMillis} is the first message. */
    static Pacer scaled(double speed, long simStartMillis, StopSignal stop) {
        return new ScaledPacer(speed, simStartMillis, stop);
    }
}
