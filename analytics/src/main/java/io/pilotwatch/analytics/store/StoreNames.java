package io.pilotwatch.analytics.store;

/** Names of the state stores; their changelog topics are {@code <application.id>-<name>-changelog}. */
public final class StoreNames {

    /** Totals per line and plant-local day. */
    public static final String DAYS = "analytics-days";
    /** Production-cycle sketches per line and plant-local month, and per line and plant-local day. */
    public static final String SKETCHES = "analytics-sketches";
    /** Profiles and recent states per station. */
    public static final String STATIONS = "analytics-stations";
    /** Clock, lines and completeness counts per plant. */
    public static final String PLANTS = "analytics-plants";
    /** Frozen baselines per plant and KPI. */
    public static final String BASELINES = "analytics-baselines";
    /** Seen message ids per plant and day, for duplicate removal. */
    public static final String DEDUP = "analytics-dedup";

    private StoreNames() {
    }
}
