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
import java.util.Locale;
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
        String type = target.type().name().toLowerCase(Locale.ROOT);
        if (window.isPresent()) {
            Optional<KpiValue> value = window.get().value(kpi);
            Assessment assessment = Judge.judge(target, baseline, value, window.get().coverage(kpi),
                    new Judge.Minimums(rules.minUnits(), rules.minDays()));
            MilestoneScore.RatioToBaseline ratio = assessment.ratio() == null ? null
                    : new MilestoneScore.RatioToBaseline(assessment.ratio().estimate(), assessment.ratio().lower(),
                            assessment.ratio().upper(), Judge.allowedRatio(target));
            return new MilestoneScore(milestone.id(), milestone.due(), type, target.amount(), threshold.orElse(null),
                    "assessed", milestone.assessmentStart(), milestone.due(), value.orElse(null),
                    assessment.verdict(), assessment.reason(),
                    value.flatMap(v -> Progress.ratio(target, baselineValue, v.value())).orElse(null), null, null, 0,
                    ratio, null, null);
        }
        Optional<KpiValue> current = Optional.ofNullable(trailing.values().get(kpi));
        Double progress = current.flatMap(v -> Progress.ratio(target, baselineValue, v.value())).orElse(null);
        if (threshold.isEmpty()) {
            String reason = baseline.map(b -> "no baseline (" + b.missingReason() + ")")
                    .orElse("no baseline (not frozen yet)");
            return new MilestoneScore(milestone.id(), milestone.due(), type, target.amount(), null, "projected",
                    trailing.from(), trailing.to(), current.orElse(null), Verdict.INCONCLUSIVE, reason, progress,
                    null, null, 0, null, null, null);
        }
        Projection projection = TrendProjector.project(points(kpi, months), target, threshold.get(), milestone.due(),
                rules.trendMinMonths(), rules.trendHorizonMonths());
        return new MilestoneScore(milestone.id(), milestone.due(), type, target.amount(), threshold.get(), "projected",
                trailing.from(), trailing.to(), current.orElse(null), projection.verdict(), projection.reason(),
                progress, projection.valueAtDue(), projection.reachesOn(), projection.months(), null,
                projection.lowerAtDue(), projection.upperAtDue());
    }

    /** Months with enough evidence for a trend point: enough units, or days of cost or energy input, and no gap. */
    private List<MonthPoint> points(Kpi kpi, Map<YearMonth, Figures> months) {
        List<MonthPoint> points = new ArrayList<>();
        months.forEach((month, figures) -> figures.value(kpi)
                .filter(value -> enough(kpi, value) && figures.coverage(kpi).gaps().isEmpty())
                .ifPresent(value -> points.add(new MonthPoint(month, value.value()))));
        return points;
    }

    private boolean enough(Kpi kpi, KpiValue value) {
        return switch (kpi) {
            case CNC_RATIO -> value.sampleSize() >= 1;
            case DEFECT_RATE, PRODUCTION_CYCLE -> value.sampleSize() >= rules.minUnits();
            default -> value.days() >= rules.minDays();
        };
    }
}
