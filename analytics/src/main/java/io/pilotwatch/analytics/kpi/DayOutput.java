package io.pilotwatch.analytics.kpi;

import java.math.BigDecimal;

/**
 * What a day's ratio-interval cluster is made of (units, good units, cost, energy), for one line or summed
 * over lines. Exact sums, so adding them in any order gives the same clusters.
 */
record DayOutput(long units, long goodUnits, BigDecimal cost, BigDecimal energyKwh) {

    static DayOutput of(Totals day) {
        return new DayOutput(day.totalUnits(), day.goodUnits(), day.totalCost(), day.energyKwh());
    }

    DayOutput plus(DayOutput other) {
        return new DayOutput(units + other.units, goodUnits + other.goodUnits, cost.add(other.cost),
                energyKwh.add(other.energyKwh));
    }

    /** Whether a cost or a unit was booked: a day that counts as a cluster for ratio intervals. */
    boolean hasOutputOrCost() {
        return units > 0 || cost.signum() != 0 || energyKwh.signum() != 0;
    }
}
