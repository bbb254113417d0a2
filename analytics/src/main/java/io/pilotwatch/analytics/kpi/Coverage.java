package io.pilotwatch.analytics.kpi;

import java.time.YearMonth;
import java.util.List;

/**
 * Where a KPI's input was reported within a window: the evidence behind a value, so that a missing input is
 * never read as 0.
 *
 * @param days   days that held the KPI's input (units; cost bookings; energy readings)
 * @param months calendar months with at least one such day
 * @param gaps   months in which units were produced but the KPI's input (cost or energy) was not reported: its
 *               value there would be understated, so it cannot be judged; always empty for unit-based KPIs
 */
public record Coverage(int days, int months, List<YearMonth> gaps) {

    public Coverage {
        gaps = List.copyOf(gaps);
    }

    /** "42 days in 3 months", for reasons an evaluator reads. */
    public String describe() {
        return days + (days == 1 ? " day" : " days") + " in " + months + (months == 1 ? " month" : " months");
    }
}
