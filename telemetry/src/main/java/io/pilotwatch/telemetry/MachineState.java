package io.pilotwatch.telemetry;

/** A station's machine state, as published in {@code state} messages. */
public enum MachineState {
    RUNNING, IDLE, SETUP, DOWN, OFF;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
