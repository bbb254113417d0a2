package io.pilotwatch.telemetry;

/** What an operating cost was spent on. */
public enum CostCategory {
    ENERGY, LABOR, MATERIAL, MAINTENANCE, OTHER;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
