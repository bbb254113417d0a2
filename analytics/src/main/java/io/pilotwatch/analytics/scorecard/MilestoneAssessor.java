package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.targets.Milestone;
import io.pilotwatch.analytics.targets.Target;
import io.pilotwatch.analytics.verdict.Assessment;
import io.pilotwatch.analytics.verdict.Judge;
import io.pilotwatch.analytics.verdict.MonthPoint;
import io.pilotwatch.analytics.verdict.Progress;
import io.pilotwatch.analytics.verdict.Projection;
import io.pilotwatch.analytics.verdict.TrendProjector;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores one KPI against one milestone: over the assessment window once the due date's month has closed,
 * else by the trend of the complete months before the clock's month.
 */
final class MilestoneAssessor {

    private final AnalyticsConfig.Verdicts rules;

    MilestoneAssessor(AnalyticsConfig.Verdicts rules) {
        this.rules = rules;
    }

    /** The minimum sample for a verdict: units, days with data, or one key station. */
    long minSample(Kpi kpi) {
        return switch (kpi) {
            case OPERATING_COST, ENERGY_PER_UNIT -> rules.minDays();
            case CNC_RATIO -> 1;
            default -> rules.minUnits();
        };
    }

    /**
     * @param window     the figures of the milestone's assessment window once every event up to the due date is
     *                   final (its month closed), else empty
     * @param trailing   the KPI over the trailing window, for progress of future milestones
     * @param months     figures of the complete months before the clock's month, oldest first
     */
    MilestoneScore score(Kpi kpi, Milestone milestone, Optional<Baseline> baseline, Optional<Figures> window,
                         WindowFigures trailing, Map<YearMonth, Figures> months) {
        Target target = milestone.targets().get(kpi);
        Optional<Double> baselineValue = baseline.filter(Baseline::hasValue).map(Baseline::value);
        Optional<Double> threshold = target.needsBaseline() ? baselineValue.map(target::threshold)
                : Optional.of(target.amount());
        if (window.isPresent()) {
            Optional<KpiValue> value = window.get().value(kpi);
            Assessment assessment = Judge.judge(target, threshold, value, minSample(kpi));
            return new MilestoneScore(milestone.id(), milestone.due(), target.type().name().toLowerCase(),
                    target.amount(), threshold.orElse(null), "assessed", milestone.assessmentStart(), milestone.due(),
                    value.orElse(null), assessment.verdict(), assessment.reason(),
                    value.flatMap(v -> Progress.ratio(target, baselineValue, v.value())).orElse(null), null, null, 0);
        }
        Optional<KpiValue> current = Optional.ofNullable(trailing.values().get(kpi));
        Double progress = current.flatMap(v -> Progress.ratio(target, baselineValue, v.value())).orElse(null);
        if (threshold.isEmpty()) {
            return new MilestoneScore(milestone.id(), milestone.due(), target.type().name().toLowerCase(),
                    target.amount(), null, "projected", trailing.from(), trailing.to(), current.orElse(null),
                    Verdict.INCONCLUSIVE, "no baseline", progress, null, null, 0);
        }
        Projection projection = TrendProjector.project(points(kpi, months), target, threshold.get(), milestone.due(),
                rules.trendMinMonths(), rules.trendHorizonMonths());
        return new MilestoneScore(milestone.id(), milestone.due(), target.type().name().toLowerCase(),
                target.amount(), threshold.get(), "projected", trailing.from(), trailing.to(), current.orElse(null),
                projection.verdict(), projection.reason(), progress, projection.valueAtDue(), projection.reachesOn(),
                projection.months());
    }

    private List<MonthPoint> points(Kpi kpi, Map<YearMonth, Figures> months) {
        List<MonthPoint> points = new ArrayList<>();
        months.forEach((month, figures) -> figures.value(kpi)
                .filter(value -> value.sampleSize() >= minSample(kpi))
                .ifPresent(value -> points.add(new MonthPoint(month, value.value()))));
        return points;
    }
}
