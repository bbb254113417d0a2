package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.analytics.stats.MoverRatio;
import java.util.List;
import java.util.Optional;

/**
 * A plant's standing on one targeted KPI.
 *
 * @param baseline  the frozen baseline; null until it is frozen
 * @param current   the KPI over the trailing window; null without data
 * @param reduction 1 - current / baseline with its interval (lower-is-better KPIs only): for a learned baseline from the
 *                  interval of the ratio (both periods' uncertainty), for a configured one with the baseline exact
 * @param years     the plant's path: the KPI in each calendar year from the baseline's year (or the first event's,
 *                  if earlier) to the clock's year, oldest first; empty where not computed (the KPI topic)
 */
public record KpiScore(Kpi kpi, String unit, Baseline baseline, KpiValue current, Reduction reduction,
                       List<MilestoneScore> milestones, List<YearValue> years) {

    public KpiScore {
        years = years == null ? List.of() : List.copyOf(years);
    }

    /** A reduction against the baseline and its interval; bounds null when there is none. */
    public record Reduction(double value, Double lower, Double upper) {

        /** @param baseline a baseline with a usable value ({@link Baseline#hasValue}) */
        public static Reduction of(KpiValue current, Baseline baseline) {
            double b = baseline.value();
            double value = 1 - current.value() / b;
            if (!current.hasInterval()) {
                return new Reduction(value, null, null);
            }
            if (baseline.exact()) {
                return new Reduction(value, 1 - current.upper() / b, 1 - current.lower() / b);
            }
            Optional<Interval> ratio = baseline.lower() == null || baseline.upper() == null ? Optional.empty()
                    : MoverRatio.of(current.interval(), new Interval(b, baseline.lower(), baseline.upper()));
            return ratio.map(r -> new Reduction(value, 1 - r.upper(), 1 - r.lower()))
                    .orElseGet(() -> new Reduction(value, null, null));
        }
    }
}
