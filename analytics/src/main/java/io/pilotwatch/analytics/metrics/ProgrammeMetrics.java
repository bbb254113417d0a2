package io.pilotwatch.analytics.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.pilotwatch.analytics.programme.NationalIndicator;
import io.pilotwatch.analytics.programme.Programme;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The programme view as Prometheus series (docs/metrics.md). Labels are group, kpi, milestone, verdict (the
 * standings), window and year: bounded by the targets file and the calendar, never by the data. Exported by one
 * instance only (see {@code OperationsServer.ScorecardSource#exportsProgramme}), so every series has one source.
 */
public final class ProgrammeMetrics {

    private final DynamicMeters meters;

    public ProgrammeMetrics(MeterRegistry registry) {
        this.meters = new DynamicMeters(registry, MetricDescriptions.ALL);
    }

    /** Replaces every programme series with those of {@code programme}; empty withdraws them all. */
    public void update(Optional<Programme> programme) {
        Map<Series, Double> series = new HashMap<>();
        programme.ifPresent(p -> p.groups().forEach(group -> {
            String id = group.id();
            series.put(Series.gauge("analytics.programme.group.plants", "group", id), (double) group.plants().size());
            series.put(Series.gauge("analytics.programme.group.plants.with.data", "group", id),
                    (double) group.plantsWithData().size());
            group.tallies().forEach(tally -> tally.counts().forEach(count -> {
                String[] tags = {"group", id, "kpi", tally.kpi(), "milestone", tally.milestone(), "verdict",
                        count.standing()};
                series.put(Series.gauge("analytics.programme.plants", tags), (double) count.plants());
                series.put(Series.gauge("analytics.programme.share", tags), count.share());
                series.put(Series.gauge("analytics.programme.share.lower", tags), count.lower());
                series.put(Series.gauge("analytics.programme.share.upper", tags), count.upper());
            }));
            group.reductions().forEach(spread -> {
                String[] tags = {"group", id, "kpi", spread.kpi(), "window", spread.window()};
                series.put(Series.gauge("analytics.programme.reduction.plants", tags), (double) spread.plants());
                if (spread.median() != null) {
                    series.put(Series.gauge("analytics.programme.reduction.median", tags), spread.median());
                    series.put(Series.gauge("analytics.programme.reduction.q1", tags), spread.q1());
                    series.put(Series.gauge("analytics.programme.reduction.q3", tags), spread.q3());
                }
            });
            group.cncRatio().forEach(year -> {
                String[] tags = {"group", id, "year", Integer.toString(year.year())};
                series.put(Series.gauge("analytics.programme.cnc.ratio.plants", tags), (double) year.plants());
                if (year.mean() != null) {
                    series.put(Series.gauge("analytics.programme.cnc.ratio", tags), year.mean());
                }
                if (year.lower() != null) {
                    series.put(Series.gauge("analytics.programme.cnc.ratio.lower", tags), year.lower());
                    series.put(Series.gauge("analytics.programme.cnc.ratio.upper", tags), year.upper());
                }
            });
        }));
        if (programme.isPresent()) {
            NationalIndicator.cncRatios().forEach((year, value) -> series.put(
                    Series.gauge("analytics.programme.cnc.indicator", "year", Integer.toString(year)), value));
        }
        series.values().removeIf(v -> !Double.isFinite(v));
        meters.sync(series);
    }
}
