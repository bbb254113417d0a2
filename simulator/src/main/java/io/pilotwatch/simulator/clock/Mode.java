package io.pilotwatch.simulator.clock;

/** How simulated time relates to wall time. Generation is the same in every mode; only pacing differs. */
public enum Mode {
    /** One simulated second per wall second; starts now unless {@code --from} is given. */
    REALTIME,
    /** {@code --speed N} simulated seconds per wall second. */
    ACCELERATED,
    /** As fast as the broker accepts. */
    BACKFILL
}
