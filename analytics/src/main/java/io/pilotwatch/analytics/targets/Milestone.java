package io.pilotwatch.analytics.targets;

import io.pilotwatch.analytics.kpi.Kpi;
import java.time.LocalDate;
import java.util.Map;

/**
 * A due date with its targets.
 *
 * @param id             a short label ({@code 2020}), used in metrics and the scorecard
 * @param due            the last day (plant-local) by which the targets must be met
 * @param assessmentDays the assessment window: this many days of event time ending with {@code due}
 * @param targets        by KPI
 */
public record Milestone(String id, LocalDate due, int assessmentDays, Map<Kpi, Target> targets) {

    public Milestone {
        targets = Map.copyOf(targets);
    }

    /** The first day of the assessment window. */
    public LocalDate assessmentStart() {
        return due.minusDays(assessmentDays - 1L);
    }
}
