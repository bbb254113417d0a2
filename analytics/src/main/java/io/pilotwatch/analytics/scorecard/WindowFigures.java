package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.kpi.Totals;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The KPIs of one scope over one window, with the components they come from.
 *
 * @param window   {@code month} (the clock's calendar month), {@code year} (its calendar year) or
 *                 {@code trailing} (the trailing days up to the clock's day)
 * @param period   {@code 2025-03}, {@code 2025}, or {@code 2025-01-01..2025-03-31}
 * @param values   every KPI with a non-zero denominator
 * @param units    units by result, and {@code total}
 * @param cost     cost totals by category, and {@code total}, in the plant's currency
 * @param costPerGoodUnit the same per good unit (the operating cost's components)
 */
public record WindowFigures(String window, String period, LocalDate from, LocalDate to, Map<Kpi, KpiValue> values,
                            Map<String, Long> units, Map<String, BigDecimal> cost,
                            Map<String, Double> costPerGoodUnit, BigDecimal energyKwh, int keyStations,
                            int cncKeyStations, double plannedSeconds, double runningSeconds, double idealSeconds) {

    public static WindowFigures of(String window, String period, LocalDate from, LocalDate to, Figures figures) {
        Map<Kpi, KpiValue> values = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            figures.value(kpi).ifPresent(value -> values.put(kpi, value));
        }
        Totals totals = figures.totals();
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("total", totals.totalUnits());
        for (UnitResult result : UnitResult.values()) {
            units.put(result.wireName(), totals.units(result));
        }
        Map<String, BigDecimal> cost = new LinkedHashMap<>();
        Map<String, Double> perGood = new LinkedHashMap<>();
        cost.put("total", totals.totalCost());
        for (CostCategory category : CostCategory.values()) {
            cost.put(category.wireName(), totals.cost(category));
            if (totals.goodUnits() > 0) {
                perGood.put(category.wireName(), totals.cost(category).doubleValue() / totals.goodUnits());
            }
        }
        return new WindowFigures(window, period, from, to, values, units, cost, perGood, totals.energyKwh(),
                figures.keyStations(), figures.cncKeyStations(), totals.plannedMillis() / 1000.0,
                totals.stateMillis(MachineState.RUNNING) / 1000.0, totals.idealSeconds());
    }
}
