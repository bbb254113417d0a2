package io.pilotwatch.analytics;

import io.pilotwatch.analytics.http.OperationsServer;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** The scorecard source once Kafka Streams exists; before that, nothing is queryable yet. */
final class DeferredScorecards implements OperationsServer.ScorecardSource {

    private volatile OperationsServer.ScorecardSource delegate;

    void set(OperationsServer.ScorecardSource source) {
        delegate = source;
    }

    private OperationsServer.ScorecardSource source() {
        OperationsServer.ScorecardSource source = delegate;
        if (source == null) {
            throw new InvalidStateStoreException("Kafka Streams is not started yet");
        }
        return source;
    }

    @Override
    public List<PlantScorecard> scorecards() {
        return source().scorecards();
    }

    @Override
    public Optional<PlantDetail> plant(String plant) {
        return source().plant(plant);
    }

    @Override
    public List<PlantScorecard> localScorecards() {
        return source().localScorecards();
    }

    @Override
    public Optional<PlantDetail> localPlant(String plant) {
        return source().localPlant(plant);
    }

    @Override
    public boolean exportsProgramme() {
        OperationsServer.ScorecardSource source = delegate;
        return source != null && source.exportsProgramme();
    }

    @Override
    public Optional<List<PlantScorecard>> refreshMetrics() {
        OperationsServer.ScorecardSource source = delegate;
        return source == null ? Optional.empty() : source.refreshMetrics();
    }

    @Override
    public List<PlantScorecard> withOthers(List<PlantScorecard> local) {
        return source().withOthers(local);
    }
}

