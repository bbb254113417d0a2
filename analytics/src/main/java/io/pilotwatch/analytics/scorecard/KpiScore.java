package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import java.util.List;

/**
 * A plant's standing on one targeted KPI.
 *
 * @param baseline  the frozen baseline; null until it is frozen
 * @param current   the KPI over the trailing window; null without data
 * @param reduction 1 - current / baseline with the interval mapped through it (lower-is-better KPIs only)
 */
public record KpiScore(Kpi kpi, String unit, Baseline baseline, KpiValue current, Reduction reduction,
                       List<MilestoneScore> milestones) {

    /** A reduction against the baseline and its interval. */
    public record Reduction(double value, Double lower, Double upper) {

        public static Reduction of(KpiValue current, double baseline) {
            return new Reduction(1 - current.value() / baseline,
                    current.upper() == null ? null : 1 - current.upper() / baseline,
                    current.lower() == null ? null : 1 - current.lower() / baseline);
        }
    }
}
