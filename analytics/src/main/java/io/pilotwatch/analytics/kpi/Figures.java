package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.stats.ClusteredProportion;
import io.pilotwatch.analytics.stats.ClusteredRatio;
import io.pilotwatch.analytics.stats.ClusteredRatio.Cluster;
import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.telemetry.MachineState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every KPI of one scope and window, computed from summed {@link Totals}: the formulas of docs/kpis.md.
 *
 * <p>The intervals of the defect rate, the mean cycle and the per-good-unit ratios treat the <em>days</em> as the
 * independent observations (units of a day share shift, batch and material): see {@link ClusteredRatio} and
 * {@link ClusteredProportion}. A value needs its own input: a cost per good unit without a cost booking, or an
 * energy per good unit without an energy reading, is "no data", never 0.
 *
 * @param totals       the summed components
 * @param byDay        each day's totals, for the clustered intervals and the coverage
 * @param sketch       the window's cycle sketch (without counts where the data hold none: {@link io.pilotwatch.analytics.store.KpiData#daySketch})
 * @param keyStations  key-process stations in force at the window's end
 * @param cncKeyStations of which numerically controlled
 */
public record Figures(Totals totals, SortedMap<LocalDate, DayOutput> byDay, Optional<CycleSketch> sketch,
                      int keyStations, int cncKeyStations) {

    public Figures {
        byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /** The figure of {@code kpi}, or empty when its input was not reported or its denominator is zero. */
    public Optional<KpiValue> value(Kpi kpi) {
        return switch (kpi) {
            case DEFECT_RATE -> defectRate();
            case PRODUCTION_CYCLE -> cycleMean();
            case PRODUCTION_CYCLE_P50 -> percentile(50);
            case PRODUCTION_CYCLE_P90 -> percentile(90);
            case OPERATING_COST -> totals.costBookings() == 0 ? Optional.empty()
                    : perGoodUnit(kpi, totals.totalCost(), DayOutput::cost);
            case ENERGY_PER_UNIT -> totals.energyReadings() == 0 ? Optional.empty()
                    : perGoodUnit(kpi, totals.energyKwh(), DayOutput::energyKwh);
            case CNC_RATIO -> keyStations == 0 ? Optional.empty()
                    : Optional.of(KpiValue.of(Interval.exact((double) cncKeyStations / keyStations), keyStations, 0));
            case AVAILABILITY -> ratio(totals.stateMillis(MachineState.RUNNING), totals.plannedMillis());
            case PERFORMANCE -> ratio(totals.idealSeconds() * 1000, totals.stateMillis(MachineState.RUNNING));
            case QUALITY -> ratio(totals.goodUnits(), totals.totalUnits());
            case OEE -> totals.plannedMillis() == 0 || totals.totalUnits() == 0 ? Optional.empty()
                    : Optional.of(KpiValue.withoutInterval(totals.idealSeconds() * 1000 / totals.plannedMillis()
                            * totals.goodUnits() / totals.totalUnits(), totals.totalUnits(), unitDays().size()));
        };
    }

    /** Where {@code kpi}'s input was reported in this window. */
    public Coverage coverage(Kpi kpi) {
        Set<YearMonth> withInput = new TreeSet<>();
        Set<YearMonth> withUnits = new TreeSet<>();
        int inputDays = 0;
        for (Map.Entry<LocalDate, DayOutput> day : byDay.entrySet()) {
            YearMonth month = YearMonth.from(day.getKey());
            if (day.getValue().hasInputOf(kpi)) {
                inputDays++;
                withInput.add(month);
            }
            if (day.getValue().units() > 0) {
                withUnits.add(month);
            }
        }
        List<YearMonth> gaps = new ArrayList<>();
        if (kpi == Kpi.OPERATING_COST || kpi == Kpi.ENERGY_PER_UNIT) {
            withUnits.stream().filter(month -> !withInput.contains(month)).forEach(gaps::add);
        }
        return new Coverage(inputDays, withInput.size(), gaps);
    }

    /** Days with a unit or a cost: the clusters of the cost interval. */
    public int days() {
        return (int) byDay.values().stream().filter(d -> d.units() > 0 || d.costBookings() > 0).count();
    }

    private List<DayOutput> unitDays() {
        return byDay.values().stream().filter(d -> d.units() > 0).toList();
    }

    private Optional<KpiValue> defectRate() {
        long units = totals.totalUnits();
        if (units == 0) {
            return Optional.empty();
        }
        List<DayOutput> unitDays = unitDays();
        double p = (double) totals.defectiveUnits() / units;
        if (unitDays.size() < 2) {
            return Optional.of(KpiValue.withoutInterval(p, units, unitDays.size()));
        }
        List<Cluster> clusters = unitDays.stream().map(d -> new Cluster(d.defective(), d.units())).toList();
        return Optional.of(KpiValue.of(ClusteredProportion.interval(clusters), units, unitDays.size()));
    }

    private Optional<KpiValue> cycleMean() {
        long n = totals.cycleCount();
        if (n == 0) {
            return Optional.empty();
        }
        double meanSeconds = totals.cycleMeanMillis() / 1000;
        List<DayOutput> unitDays = byDay.values().stream().filter(d -> d.cycleCount() > 0).toList();
        if (unitDays.size() < 2) {
            return Optional.of(KpiValue.withoutInterval(meanSeconds, n, unitDays.size()));
        }
        List<Cluster> clusters = unitDays.stream().map(d -> new Cluster(d.cycleSumMillis(), d.cycleCount())).toList();
        // The days' variance, floored at the units' own (s² / n): alike days never make it look more precise.
        double unitVariance = n < 2 ? 0 : totals.cycleM2() / (n - 1) / n;
        Interval millis = ClusteredRatio.of(clusters).interval(unitVariance);
        // Clipped at 0: a cycle cannot be negative, whatever a symmetric interval says for a skewed sample.
        return Optional.of(new KpiValue(meanSeconds, Math.max(0, millis.lower() / 1000), millis.upper() / 1000, n,
                unitDays.size()));
    }

    private Optional<KpiValue> percentile(int p) {
        return sketch.filter(s -> s.count() > 0)
                .map(s -> KpiValue.withoutInterval(s.percentileMillis(p) / 1000.0, s.count(), unitDays().size()));
    }

    /** Cost or kWh per good unit, days with a unit or the input as clusters. */
    private Optional<KpiValue> perGoodUnit(Kpi kpi, BigDecimal amount, Function<DayOutput, BigDecimal> input) {
        long good = totals.goodUnits();
        if (good == 0) {
            return Optional.empty();
        }
        double value = amount.doubleValue() / good;
        List<Cluster> clusters = byDay.values().stream().filter(d -> d.units() > 0 || d.hasInputOf(kpi))
                .map(d -> new Cluster(input.apply(d).doubleValue(), d.goodUnits())).toList();
        long inputDays = byDay.values().stream().filter(d -> d.hasInputOf(kpi)).count();
        if (clusters.size() < 2) {
            return Optional.of(KpiValue.withoutInterval(value, clusters.size(), inputDays));
        }
        Interval interval = ClusteredRatio.of(clusters).interval(0);
        return Optional.of(new KpiValue(value, Math.max(0, interval.lower()), interval.upper(), clusters.size(),
                inputDays));
    }

    /** OEE factors carry the unit count as their sample size: state time has no natural sample. */
    private Optional<KpiValue> ratio(double numerator, double denominator) {
        return denominator == 0 ? Optional.empty()
                : Optional.of(KpiValue.withoutInterval(numerator / denominator, totals.totalUnits(),
                        unitDays().size()));
    }
}
