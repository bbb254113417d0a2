package io.pilotwatch.analytics.baseline;

import io.pilotwatch.analytics.kpi.Coverage;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How much a learning period must hold before its value may become a plant's baseline (keys
 * {@code analytics.baseline.min.*}): a baseline from one month or ten units would make every later verdict rest on
 * noise. The CNC ratio is a census of key stations and needs one.
 *
 * @param minUnits  units, for the defect rate and the production cycle
 * @param minDays   days holding the KPI's input (units, cost bookings, energy readings)
 * @param minMonths calendar months with such days
 */
public record BaselineEvidence(long minUnits, int minDays, int minMonths) {

    /** The defaults: 30 units, 7 days, 3 months (the local stack learns from one quarter). */
    public static final BaselineEvidence DEFAULTS = new BaselineEvidence(30, 7, 3);

    /**
     * What the learning period lacks for {@code kpi}, in words ("too little data: ..."); empty when the value may be
     * frozen as the baseline.
     */
    public Optional<String> lacking(Kpi kpi, Optional<KpiValue> value, Coverage coverage) {
        if (value.isEmpty()) {
            return Optional.of("no data: " + noInput(kpi) + " in the learning period");
        }
        if (kpi == Kpi.CNC_RATIO) {
            return Optional.empty();
        }
        if (!coverage.gaps().isEmpty()) {
            return Optional.of("too little data: " + input(kpi) + " missing in "
                    + coverage.gaps().stream().map(YearMonth::toString).collect(Collectors.joining(", "))
                    + ", months with production");
        }
        boolean unitBased = kpi == Kpi.DEFECT_RATE || kpi == Kpi.PRODUCTION_CYCLE;
        long units = value.get().sampleSize();
        if ((unitBased && units < minUnits) || coverage.days() < minDays || coverage.months() < minMonths) {
            String held = unitBased ? units + " units on " + coverage.describe() : input(kpi) + " on "
                    + coverage.describe();
            String needed = (unitBased ? minUnits + " units, " : "") + minDays + " days and " + minMonths + " months";
            return Optional.of("too little data: " + held + " (a learned baseline needs at least " + needed + ")");
        }
        if (!value.get().hasInterval()) {
            return Optional.of("too little data: no interval");
        }
        if (kpi.lowerIsBetter() && !(value.get().value() > 0)) {
            return Optional.of("learned value 0: a reduction from 0 cannot be shown");
        }
        return Optional.empty();
    }

    private static String input(Kpi kpi) {
        return switch (kpi) {
            case OPERATING_COST -> "cost bookings";
            case ENERGY_PER_UNIT -> "energy readings";
            default -> "units";
        };
    }

    private static String noInput(Kpi kpi) {
        return switch (kpi) {
            case OPERATING_COST -> "no cost booking or no good unit";
            case ENERGY_PER_UNIT -> "no energy reading or no good unit";
            case CNC_RATIO -> "no key-process station profile";
            default -> "no unit";
        };
    }
}
