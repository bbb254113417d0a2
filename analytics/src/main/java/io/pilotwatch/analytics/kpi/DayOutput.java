package io.pilotwatch.analytics.kpi;

import java.math.BigDecimal;

/**
 * One day's totals that the clustered intervals and the coverage need (units, defective units, cycle sum, good
 * units, cost and energy with the number of bookings and readings), for one line or summed over lines. Exact
 * sums, so adding them in any order gives the same clusters.
 */
public record DayOutput(long units, long defective, long cycleCount, long cycleSumMillis, long goodUnits,
                        BigDecimal cost, long costBookings, BigDecimal energyKwh, long energyReadings) {

    static DayOutput of(Totals day) {
        return new DayOutput(day.totalUnits(), day.defectiveUnits(), day.cycleCount(), day.cycleSumMillis(),
                day.goodUnits(), day.totalCost(), day.costBookings(), day.energyKwh(), day.energyReadings());
    }

    DayOutput plus(DayOutput other) {
        return new DayOutput(units + other.units, defective + other.defective, cycleCount + other.cycleCount,
                cycleSumMillis + other.cycleSumMillis, goodUnits + other.goodUnits, cost.add(other.cost),
                costBookings + other.costBookings, energyKwh.add(other.energyKwh),
                energyReadings + other.energyReadings);
    }

    /** Whether the day holds {@code kpi}'s own input: units, a cost booking, or an energy reading. */
    public boolean hasInputOf(Kpi kpi) {
        return switch (kpi) {
            case OPERATING_COST -> costBookings > 0;
            case ENERGY_PER_UNIT -> energyReadings > 0;
            default -> units > 0;
        };
    }
}
