package io.pilotwatch.analytics.metrics;

import java.util.Map;

/** The HELP text of every analytics metric (docs/metrics.md has the same list). */
final class MetricDescriptions {

    static final Map<String, String> ALL = Map.ofEntries(
            Map.entry("analytics.plant.clock.seconds", "Latest event time accepted for the plant (epoch seconds)"),
            Map.entry("analytics.plant.kpi", "KPI of the whole plant (summed lines) in the window"),
            Map.entry("analytics.plant.kpi.lower", "Lower bound of the KPI's 95% interval (plant)"),
            Map.entry("analytics.plant.kpi.upper", "Upper bound of the KPI's 95% interval (plant)"),
            Map.entry("analytics.plant.kpi.sample.size", "Sample behind the KPI: units, days or key stations (plant)"),
            Map.entry("analytics.plant.cost.per.good.unit", "Operating cost per good unit by category, plant currency"),
            Map.entry("analytics.line.kpi", "KPI of one line in the window"),
            Map.entry("analytics.line.kpi.lower", "Lower bound of the KPI's 95% interval (line)"),
            Map.entry("analytics.line.kpi.upper", "Upper bound of the KPI's 95% interval (line)"),
            Map.entry("analytics.line.kpi.sample.size", "Sample behind the KPI: units, days or key stations (line)"),
            Map.entry("analytics.baseline", "Frozen baseline of the plant's KPI"),
            Map.entry("analytics.baseline.version", "Version of the frozen baseline"),
            Map.entry("analytics.reduction", "1 - trailing value / baseline"),
            Map.entry("analytics.verdict", "1 for the milestone's current verdict state, 0 for the others"),
            Map.entry("analytics.target.threshold", "Value the KPI must reach for the milestone"),
            Map.entry("analytics.progress.ratio", "Achieved reduction / required reduction (1 = on target)"),
            Map.entry("analytics.milestone.kpi", "KPI over the milestone's assessment window"),
            Map.entry("analytics.milestone.kpi.lower", "Lower bound over the assessment window"),
            Map.entry("analytics.milestone.kpi.upper", "Upper bound over the assessment window"),
            Map.entry("analytics.milestone.kpi.sample.size", "Sample over the assessment window"),
            Map.entry("analytics.projected.value", "Trend value at the milestone's due date"),
            Map.entry("analytics.projected.date.seconds", "Date the trend reaches the target (epoch seconds)"),
            Map.entry("analytics.events.accepted", "Events used in the KPIs"),
            Map.entry("analytics.events.late", "Events after their month's grace: counted, not used"),
            Map.entry("analytics.events.duplicate", "Duplicate messages removed"),
            Map.entry("analytics.records.rejected", "Records sent to the DLQ"),
            Map.entry("analytics.programme.group.plants", "Plants in the programme group (members)"),
            Map.entry("analytics.programme.group.plants.with.data", "Members of the group with a scorecard"),
            Map.entry("analytics.programme.plants", "Plants of the group with this standing on the KPI and milestone"),
            Map.entry("analytics.programme.share", "Share of the group's plants with this standing"),
            Map.entry("analytics.programme.share.lower", "Lower bound of the share's 95% Clopper-Pearson interval"),
            Map.entry("analytics.programme.share.upper", "Upper bound of the share's 95% Clopper-Pearson interval"),
            Map.entry("analytics.programme.reduction.median", "Median of the plants' reductions against their baselines"),
            Map.entry("analytics.programme.reduction.q1", "First quartile of the plants' reductions"),
            Map.entry("analytics.programme.reduction.q3", "Third quartile of the plants' reductions"),
            Map.entry("analytics.programme.reduction.plants", "Plants with a reduction in the window"),
            Map.entry("analytics.programme.cnc.ratio", "Mean of the plants' CNC ratios of key processes in the year"),
            Map.entry("analytics.programme.cnc.ratio.lower", "Lower bound of the mean's 95% t interval across plants"),
            Map.entry("analytics.programme.cnc.ratio.upper", "Upper bound of the mean's 95% t interval across plants"),
            Map.entry("analytics.programme.cnc.ratio.plants", "Plants with a CNC ratio in the year"),
            Map.entry("analytics.programme.cnc.indicator", "National indicator: CNC ratio of key processes (33/50/64%)"));

    private MetricDescriptions() {
    }
}
