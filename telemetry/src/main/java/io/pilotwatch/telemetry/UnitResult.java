package io.pilotwatch.telemetry;

/** The quality outcome of a finished unit. Everything but {@link #GOOD} counts as a defect. */
public enum UnitResult {
    GOOD, DEFECT, SCRAP, REWORK;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
