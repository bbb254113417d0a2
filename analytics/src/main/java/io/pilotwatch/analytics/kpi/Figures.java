package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.analytics.stats.MeanInterval;
import io.pilotwatch.analytics.stats.RatioInterval;
import io.pilotwatch.analytics.stats.RatioInterval.Cluster;
import io.pilotwatch.analytics.stats.Wilson;
import io.pilotwatch.telemetry.MachineState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Every KPI of one scope and window, computed from summed {@link Totals}: the formulas of docs/kpis.md.
 *
 * @param totals       the summed components
 * @param clusters     per-day (cost, good units) and (kWh, good units) pairs, for the ratio intervals
 * @param sketch       the window's cycle sketch (without counts where the data hold none: {@link io.pilotwatch.analytics.store.KpiData#daySketch})
 * @param keyStations  key-process stations in force at the window's end
 * @param cncKeyStations of which numerically controlled
 */
public record Figures(Totals totals, List<Cluster> costClusters, List<Cluster> energyClusters,
                      Optional<CycleSketch> sketch, int keyStations, int cncKeyStations) {

    public Figures {
        costClusters = List.copyOf(costClusters);
        energyClusters = List.copyOf(energyClusters);
    }

    /** The figure of {@code kpi}, or empty when its denominator is zero. */
    public Optional<KpiValue> value(Kpi kpi) {
        return switch (kpi) {
            case DEFECT_RATE -> totals.totalUnits() == 0 ? Optional.empty() : Optional.of(KpiValue.of(
                    Wilson.interval(totals.defectiveUnits(), totals.totalUnits()), totals.totalUnits()));
            case PRODUCTION_CYCLE -> cycleMean();
            case PRODUCTION_CYCLE_P50 -> percentile(50);
            case PRODUCTION_CYCLE_P90 -> percentile(90);
            case OPERATING_COST -> perGoodUnit(totals.totalCost(), costClusters);
            case ENERGY_PER_UNIT -> perGoodUnit(totals.energyKwh(), energyClusters);
            case CNC_RATIO -> keyStations == 0 ? Optional.empty()
                    : Optional.of(KpiValue.of(Interval.exact((double) cncKeyStations / keyStations), keyStations));
            case AVAILABILITY -> ratio(totals.stateMillis(MachineState.RUNNING), totals.plannedMillis());
            case PERFORMANCE -> ratio(totals.idealSeconds() * 1000, totals.stateMillis(MachineState.RUNNING));
            case QUALITY -> ratio(totals.goodUnits(), totals.totalUnits());
            case OEE -> totals.plannedMillis() == 0 || totals.totalUnits() == 0 ? Optional.empty()
                    : Optional.of(KpiValue.withoutInterval(totals.idealSeconds() * 1000 / totals.plannedMillis()
                            * totals.goodUnits() / totals.totalUnits(), totals.totalUnits()));
        };
    }

    /** Days with a unit or a cost: the clusters of the ratio intervals. */
    public int days() {
        return costClusters.size();
    }

    private Optional<KpiValue> cycleMean() {
        long n = totals.cycleCount();
        if (n == 0) {
            return Optional.empty();
        }
        double meanSeconds = totals.cycleMeanMillis() / 1000;
        if (n == 1) {
            return Optional.of(KpiValue.withoutInterval(meanSeconds, 1));
        }
        Interval millis = MeanInterval.of(n, totals.cycleMeanMillis(), totals.cycleM2());
        // Clipped at 0: a cycle cannot be negative, whatever a symmetric interval says for a skewed sample.
        return Optional.of(new KpiValue(meanSeconds, Math.max(0, millis.lower() / 1000), millis.upper() / 1000, n));
    }

    private Optional<KpiValue> percentile(int p) {
        return sketch.filter(s -> s.count() > 0)
                .map(s -> KpiValue.withoutInterval(s.percentileMillis(p) / 1000.0, s.count()));
    }

    private Optional<KpiValue> perGoodUnit(BigDecimal amount, List<Cluster> clusters) {
        long good = totals.goodUnits();
        if (good == 0) {
            return Optional.empty();
        }
        double value = amount.doubleValue() / good;
        if (clusters.size() < 2) {
            return Optional.of(KpiValue.withoutInterval(value, clusters.size()));
        }
        Interval interval = RatioInterval.of(clusters);
        return Optional.of(new KpiValue(value, Math.max(0, interval.lower()), interval.upper(), clusters.size()));
    }

    /** OEE factors carry the unit count as their sample size: state time has no natural sample. */
    private Optional<KpiValue> ratio(double numerator, double denominator) {
        return denominator == 0 ? Optional.empty()
                : Optional.of(KpiValue.withoutInterval(numerator / denominator, totals.totalUnits()));
    }
}
