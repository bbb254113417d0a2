package io.pilotwatch.analytics;

import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.analytics.http.OperationsServer;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.metrics.ScorecardMetrics;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardBuilder;
import io.pilotwatch.analytics.store.KpiData;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scorecards from this instance's stores, by interactive queries. */
record LocalScorecards(KafkaStreams streams, AnalyticsConfig config, ScorecardMetrics metrics,
                       ClosedFigures closed, AtomicBoolean exporting) implements OperationsServer.ScorecardSource {

    private static final Logger LOG = LoggerFactory.getLogger(LocalScorecards.class);

    LocalScorecards(KafkaStreams streams, AnalyticsConfig config, ScorecardMetrics metrics, ClosedFigures closed) {
        this(streams, config, metrics, closed, new AtomicBoolean(true));
    }

    @Override
    public List<PlantScorecard> scorecards() {
        return localScorecards();
    }

    @Override
    public Optional<PlantDetail> plant(String plant) {
        return localPlant(plant);
    }

    @Override
    public List<PlantScorecard> localScorecards() {
        return builder(InteractiveKpiData.of(streams)).buildAll();
    }

    @Override
    public Optional<PlantDetail> localPlant(String plant) {
        return builder(InteractiveKpiData.of(streams)).detail(plant);
    }

    private ScorecardBuilder builder(KpiData data) {
        return new ScorecardBuilder(data, config, System::currentTimeMillis, closed);
    }

    @Override
    public Optional<List<PlantScorecard>> refreshMetrics() {
        try {
            KpiData data = InteractiveKpiData.of(streams);
            List<PlantScorecard> cards = builder(data).buildAll();
            metrics.update(cards, data.plant(PlantRecord.UNKNOWN_PLANT));
            if (exporting.compareAndSet(false, true)) {
                LOG.info("KPI series exported again: this instance's stores are queryable");
            }
            return Optional.of(cards);
        } catch (InvalidStateStoreException e) {
            // Restoring, rebalancing, or no KPI task on this instance: export no KPI series rather than ones
            // another instance may own now. Said once per change, so an instance that stays silent says why.
            metrics.update(List.of(), Optional.empty());
            if (exporting.compareAndSet(true, false)) {
                LOG.info("KPI series withdrawn (Streams {}): {}", streams.state(), e.getMessage());
            }
            return Optional.empty();
        }
    }
}
