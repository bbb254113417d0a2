package io.pilotwatch.analytics.kpi;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * Additive components of every KPI for one line and one plant-local day (the state store's value), or
 * for any sum of them. KPIs are ratios of these sums, so a plant's figure is computed from its lines'
 * summed components and a year's from its days', never by averaging ratios.
 *
 * <p>The production cycle keeps count, exact sum and Welford's M2 (sum of squared deviations from the
 * mean) in milliseconds, which merge exactly (Chan et al.) and give the mean's interval.
 */
public final class Totals {

    private long[] units = new long[UnitResult.values().length];
    private long cycleCount;
    private long cycleSumMillis;
    private double cycleM2;
    private BigDecimal[] cost = zeros(CostCategory.values().length);
    private BigDecimal energyKwh = BigDecimal.ZERO;
    /** Cost messages booked, and those of them that carried {@code energyKwh}: the evidence that 0 is a value. */
    private long costBookings;
    private long energyReadings;
    /** Σ over units of the line's summed ideal station cycles at completion, seconds. */
    private double idealSeconds;
    /** Station time in each state, summed over the stations. */
    private long[] stateMillis = new long[MachineState.values().length];

    public void addUnit(UnitResult result, long cycleMillis, double idealCycleSeconds) {
        units[result.ordinal()]++;
        double oldMean = cycleCount == 0 ? 0 : (double) cycleSumMillis / cycleCount;
        cycleCount++;
        cycleSumMillis += cycleMillis;
        double newMean = (double) cycleSumMillis / cycleCount;
        cycleM2 += (cycleMillis - oldMean) * (cycleMillis - newMean);
        idealSeconds += idealCycleSeconds;
    }

    public void addCost(CostCategory category, BigDecimal amount, Optional<BigDecimal> kwh) {
        cost[category.ordinal()] = cost[category.ordinal()].add(amount);
        costBookings++;
        if (kwh.isPresent()) {
            energyKwh = energyKwh.add(kwh.get());
            energyReadings++;
        }
    }

    /** Adds (or with a negative value, takes back) station time in {@code state}. */
    public void addStateMillis(MachineState state, long millis) {
        stateMillis[state.ordinal()] += millis;
    }

    /** Adds {@code other} into this. */
    public Totals merge(Totals other) {
        for (int i = 0; i < units.length; i++) {
            units[i] += other.units[i];
        }
        long n = cycleCount + other.cycleCount;
        if (other.cycleCount > 0 && cycleCount > 0) {
            double delta = other.cycleMeanMillis() - cycleMeanMillis();
            cycleM2 += other.cycleM2 + delta * delta * cycleCount * other.cycleCount / n;
        } else if (other.cycleCount > 0) {
            cycleM2 = other.cycleM2;
        }
        cycleCount = n;
        cycleSumMillis += other.cycleSumMillis;
        for (int i = 0; i < cost.length; i++) {
            cost[i] = cost[i].add(other.cost[i]);
        }
        energyKwh = energyKwh.add(other.energyKwh);
        costBookings += other.costBookings;
        energyReadings += other.energyReadings;
        idealSeconds += other.idealSeconds;
        for (int i = 0; i < stateMillis.length; i++) {
            stateMillis[i] += other.stateMillis[i];
        }
        return this;
    }

    public long units(UnitResult result) {
        return units[result.ordinal()];
    }

    public long totalUnits() {
        return Arrays.stream(units).sum();
    }

    public long goodUnits() {
        return units(UnitResult.GOOD);
    }

    /** Units that are not good: defect, scrap and rework. */
    public long defectiveUnits() {
        return totalUnits() - goodUnits();
    }

    public long cycleCount() {
        return cycleCount;
    }

    public long cycleSumMillis() {
        return cycleSumMillis;
    }

    public double cycleMeanMillis() {
        return cycleCount == 0 ? Double.NaN : (double) cycleSumMillis / cycleCount;
    }

    public double cycleM2() {
        return cycleM2;
    }

    public BigDecimal cost(CostCategory category) {
        return cost[category.ordinal()];
    }

    public BigDecimal totalCost() {
        return Arrays.stream(cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal energyKwh() {
        return energyKwh;
    }

    /** Cost messages booked: without any, a cost total of 0 means "not reported", not "free". */
    public long costBookings() {
        // State written before bookings were counted (kpis/1) has sums only: a non-zero sum was booked.
        return costBookings > 0 || totalCost().signum() == 0 ? costBookings : 1;
    }

    /** Cost messages that carried {@code energyKwh}: without any, energy is not reported. */
    public long energyReadings() {
        return energyReadings > 0 || energyKwh.signum() == 0 ? energyReadings : 1;
    }

    public double idealSeconds() {
        return idealSeconds;
    }

    public long stateMillis(MachineState state) {
        return stateMillis[state.ordinal()];
    }

    /** Time in any state but {@code off}: the planned production time of OEE. */
    public long plannedMillis() {
        return Arrays.stream(stateMillis).sum() - stateMillis(MachineState.OFF);
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
