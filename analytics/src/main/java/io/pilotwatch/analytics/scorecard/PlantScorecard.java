package io.pilotwatch.analytics.scorecard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one plant: its KPIs per window (plant and lines), its standing against every
 * milestone, and the data completeness. The JSON scorecard, the CSV, the metrics and the KPI topic are views
 * of it.
 */
public record PlantScorecard(String plant, String timezone, String currency, Instant clock,
                             String definitionsVersion, String targetsSource, String baselinesSource,
                             Completeness completeness, List<WindowFigures> windows,
                             Map<String, List<WindowFigures>> lines, List<KpiScore> kpis) {

    /** The version of the KPI definitions in docs/kpis.md these figures follow. */
    public static final String DEFINITIONS_VERSION = "kpis/2";
}
