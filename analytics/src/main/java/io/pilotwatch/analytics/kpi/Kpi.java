package io.pilotwatch.analytics.kpi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * The KPIs, by the names used in targets files, metrics labels, the KPI topic and the scorecard.
 * The first five carry Box 2 targets; the rest are reported without targets. docs/kpis.md defines each.
 */
public enum Kpi {
    /** (defect + scrap + rework) / units, by completion time. */
    DEFECT_RATE("ratio", true, true),
    /** Mean of completedAt - startedAt, seconds. */
    PRODUCTION_CYCLE("seconds", true, true),
    /** Operating cost per good unit, in the plant's currency. */
    OPERATING_COST("currency", true, true),
    /** Energy per good unit, kWh. */
    ENERGY_PER_UNIT("kwh", true, true),
    /** Key-process stations whose latest profile says CNC / key-process stations. */
    CNC_RATIO("ratio", true, false),
    /** Median production cycle, seconds (from the sketch). */
    PRODUCTION_CYCLE_P50("seconds", false, true),
    /** 90th percentile production cycle, seconds (from the sketch). */
    PRODUCTION_CYCLE_P90("seconds", false, true),
    OEE("ratio", false, false),
    AVAILABILITY("ratio", false, false),
    PERFORMANCE("ratio", false, false),
    QUALITY("ratio", false, false);

    private final String unit;
    private final boolean targeted;
    private final boolean lowerIsBetter;

    Kpi(String unit, boolean targeted, boolean lowerIsBetter) {
        this.unit = unit;
        this.targeted = targeted;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** The snake_case name. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ratio}, {@code seconds}, {@code currency} or {@code kwh}. */
    public String unit() {
        return unit;
    }

    /** Whether Box 2 (or the green indicator) sets a target for it. */
    public boolean targeted() {
        return targeted;
    }

    /** Whether a smaller value is an improvement. */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    @JsonCreator
    static Kpi fromJson(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown KPI '" + name + "'"));
    }

    public static Optional<Kpi> fromWireName(String name) {
        for (Kpi kpi : values()) {
            if (kpi.wireName().equals(name)) {
                return Optional.of(kpi);
            }
        }
        return Optional.empty();
    }
}
