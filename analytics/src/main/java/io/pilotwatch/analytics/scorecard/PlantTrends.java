package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.Kpi;
import java.util.List;
import java.util.Map;

/**
 * Monthly values of the scorecard's KPIs for a plant and each of its lines: the complete months the
 * projections fit ({@code analytics.trend.months} before the clock's month), then the clock's month so far.
 *
 * @param plant the plant as a whole (summed lines), by KPI, oldest month first
 * @param lines the same per line
 */
public record PlantTrends(String plant, Map<Kpi, List<MonthValue>> plantMonths,
                          Map<String, Map<Kpi, List<MonthValue>>> lines) {

    /** The KPIs charted: the Box 2 ones, the green indicator and OEE. */
    public static final List<Kpi> KPIS = List.of(Kpi.OPERATING_COST, Kpi.PRODUCTION_CYCLE, Kpi.DEFECT_RATE,
            Kpi.CNC_RATIO, Kpi.ENERGY_PER_UNIT, Kpi.OEE);
}
