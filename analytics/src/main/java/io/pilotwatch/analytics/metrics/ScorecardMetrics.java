package io.pilotwatch.analytics.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.WindowFigures;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns scorecards into Prometheus series (docs/metrics.md lists them). Labels are only plant, line, kpi,
 * milestone and small enums (window, state, kind, reason, category), so cardinality is bounded by the
 * configuration, never by the data.
 */
public final class ScorecardMetrics {

    private final DynamicMeters meters;

    public ScorecardMetrics(MeterRegistry registry) {
        this.meters = new DynamicMeters(registry, MetricDescriptions.ALL);
    }

    /**
     * Replaces every exported series with those of {@code cards} (the plants this instance holds now).
     *
     * @param unknownPlant the record counting rejected records without a plant key, if any
     */
    public void update(List<PlantScorecard> cards, Optional<PlantRecord> unknownPlant) {
        Map<Series, Double> series = new HashMap<>();
        for (PlantScorecard card : cards) {
            String plant = card.plant();
            series.put(Series.gauge("analytics.plant.clock.seconds", "plant", plant), card.clock().toEpochMilli() / 1000.0);
            for (WindowFigures window : card.windows()) {
                values(series, window, "analytics.plant.kpi", "plant", plant, "window", window.window());
                window.costPerGoodUnit().forEach((category, value) -> series.put(Series.gauge(
                        "analytics.plant.cost.per.good.unit", "plant", plant, "category", category, "window",
                        window.window()), value));
            }
            card.lines().forEach((line, windows) -> windows.forEach(window ->
                    values(series, window, "analytics.line.kpi", "plant", plant, "line", line, "window", window.window())));
            card.kpis().forEach(score -> kpiScore(series, plant, score));
            completeness(series, plant, card.completeness().acceptedByKind(), card.completeness().late(),
                    card.completeness().rejected(), card.completeness().duplicates());
        }
        unknownPlant.ifPresent(record -> completeness(series, PlantRecord.UNKNOWN_PLANT, Map.of(), Map.of(),
                record.rejected(), 0));
        // Defence in depth: no formula should give NaN or infinity (tests assert it), and a gauge must never show one.
        series.values().removeIf(v -> !Double.isFinite(v));
        meters.sync(series);
    }

    private static void values(Map<Series, Double> series, WindowFigures window, String name, String... tags) {
        window.values().forEach((kpi, value) -> kpiValue(series, name, value, with(tags, "kpi", kpi.wireName())));
    }

    private static void kpiValue(Map<Series, Double> series, String name, KpiValue value, String... tags) {
        series.put(Series.gauge(name, tags), value.value());
        series.put(Series.gauge(name + ".sample.size", tags), (double) value.sampleSize());
        if (value.hasInterval()) {
            series.put(Series.gauge(name + ".lower", tags), value.lower());
            series.put(Series.gauge(name + ".upper", tags), value.upper());
        }
    }

    private static void kpiScore(Map<Series, Double> series, String plant, KpiScore score) {
        String kpi = score.kpi().wireName();
        if (score.baseline() != null && score.baseline().hasValue()) {
            series.put(Series.gauge("analytics.baseline", "plant", plant, "kpi", kpi), score.baseline().value());
            series.put(Series.gauge("analytics.baseline.version", "plant", plant, "kpi", kpi),
                    (double) score.baseline().version());
        }
        if (score.reduction() != null) {
            series.put(Series.gauge("analytics.reduction", "plant", plant, "kpi", kpi), score.reduction().value());
        }
        for (MilestoneScore m : score.milestones()) {
            String[] tags = {"plant", plant, "kpi", kpi, "milestone", m.milestone()};
            for (Verdict verdict : Verdict.values()) {
                series.put(Series.gauge("analytics.verdict", with(tags, "state", verdict.wireName())),
                        verdict == m.verdict() ? 1.0 : 0.0);
            }
            if (m.threshold() != null) {
                series.put(Series.gauge("analytics.target.threshold", tags), m.threshold());
            }
            if (m.progress() != null) {
                series.put(Series.gauge("analytics.progress.ratio", tags), m.progress());
            }
            if (m.value() != null && "assessed".equals(m.status())) {
                kpiValue(series, "analytics.milestone.kpi", m.value(), tags);
            }
            if (m.ratioToBaseline() != null) {
                series.put(Series.gauge("analytics.ratio.to.baseline", tags), m.ratioToBaseline().value());
                series.put(Series.gauge("analytics.ratio.to.baseline.lower", tags), m.ratioToBaseline().lower());
                series.put(Series.gauge("analytics.ratio.to.baseline.upper", tags), m.ratioToBaseline().upper());
            }
            if (m.projectedValueAtDue() != null) {
                series.put(Series.gauge("analytics.projected.value", tags), m.projectedValueAtDue());
            }
            if (m.projectedLowerAtDue() != null && m.projectedUpperAtDue() != null) {
                series.put(Series.gauge("analytics.projected.value.lower", tags), m.projectedLowerAtDue());
                series.put(Series.gauge("analytics.projected.value.upper", tags), m.projectedUpperAtDue());
            }
            if (m.projectedDate() != null) {
                series.put(Series.gauge("analytics.projected.date.seconds", tags),
                        (double) m.projectedDate().atStartOfDay(ZoneId.of("UTC")).toEpochSecond());
            }
        }
    }

    private static void completeness(Map<Series, Double> series, String plant, Map<String, Long> accepted,
                                     Map<String, Long> late, Map<String, Long> rejected, long duplicates) {
        accepted.forEach((kind, n) -> series.put(Series.counter("analytics.events.accepted", "plant", plant, "kind", kind),
                (double) n));
        late.forEach((kind, n) -> series.put(Series.counter("analytics.events.late", "plant", plant, "kind", kind),
                (double) n));
        rejected.forEach((reason, n) -> series.put(Series.counter("analytics.records.rejected", "plant", plant,
                "reason", reason), (double) n));
        if (!PlantRecord.UNKNOWN_PLANT.equals(plant)) {
            series.put(Series.counter("analytics.events.duplicate", "plant", plant), (double) duplicates);
        }
    }

    private static String[] with(String[] tags, String key, String value) {
        String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
        all[tags.length] = key;
        all[tags.length + 1] = value;
        return all;
    }
}
