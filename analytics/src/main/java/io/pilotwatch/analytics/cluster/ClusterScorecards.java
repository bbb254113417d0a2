package io.pilotwatch.analytics.cluster;

import io.pilotwatch.analytics.http.OperationsServer.ScorecardSource;
import io.pilotwatch.analytics.http.ScorecardsUnavailableException;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardWire;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Every plant's scorecard on every instance: this instance's plants from its own stores, the others' fetched from
 * the instances that hold them ({@code /internal/v1/...}, found through Kafka Streams' metadata). All or nothing:
 * while a rebalance moves partitions, or an instance holding some cannot be reached, the answer is
 * {@link ScorecardsUnavailableException} (503, retry) rather than a scorecard that silently lacks plants. Metrics
 * stay per owner: {@link #refreshMetrics} exports only this instance's plants.
 */
public final class ClusterScorecards implements ScorecardSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ScorecardSource local;
    private final Instances instances;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public ClusterScorecards(ScorecardSource local, Instances instances) {
        this.local = local;
        this.instances = instances;
    }

    @Override
    public List<PlantScorecard> scorecards() {
        return withOthers(local.localScorecards());
    }

    @Override
    public List<PlantScorecard> withOthers(List<PlantScorecard> localCards) {
        Instances.Placement placement = instances.placement();
        if (!placement.complete()) {
            throw new ScorecardsUnavailableException("partitions are being reassigned among the instances");
        }
        List<CompletableFuture<List<PlantScorecard>>> remote = new ArrayList<>();
        for (HostInfo other : placement.others()) {
            remote.add(get(other, "/internal/v1/scorecards").thenApply(body -> {
                try {
                    return ScorecardWire.readCards(body.orElseThrow());
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }));
        }
        Map<String, PlantScorecard> byPlant = new TreeMap<>();
        localCards.forEach(card -> byPlant.put(card.plant(), card));
        for (int i = 0; i < remote.size(); i++) {
            for (PlantScorecard card : join(remote.get(i), placement.others().get(i))) {
                byPlant.putIfAbsent(card.plant(), card);
            }
        }
        return List.copyOf(byPlant.values());
    }

    @Override
    public Optional<PlantDetail> plant(String plant) {
        Optional<HostInfo> owner = instances.ownerOf(plant);
        if (owner.isEmpty()) {
            return local.localPlant(plant);
        }
        Optional<String> body = join(get(owner.get(), "/internal/v1/plants/" + plant), owner.get());
        try {
            return body.isEmpty() ? Optional.empty() : Optional.of(ScorecardWire.readDetail(body.get()));
        } catch (IOException e) {
            throw new ScorecardsUnavailableException("unreadable answer from " + owner.get() + ": " + e.getMessage());
        }
    }

    @Override
    public List<PlantScorecard> localScorecards() {
        return local.localScorecards();
    }

    @Override
    public Optional<PlantDetail> localPlant(String plant) {
        return local.localPlant(plant);
    }

    @Override
    public Optional<List<PlantScorecard>> refreshMetrics() {
        return local.refreshMetrics();
    }

    /** The instance whose advertised address sorts first exports the programme, once every partition has an owner. */
    @Override
    public boolean exportsProgramme() {
        Instances.Placement placement = instances.placement();
        return placement.complete() && placement.others().stream().allMatch(other -> before(instances.self(), other));
    }

    private static boolean before(HostInfo self, HostInfo other) {
        int byHost = self.host().compareTo(other.host());
        return byHost < 0 || byHost == 0 && self.port() < other.port();
    }

    /** The body of a 200, empty for a 404; any other answer or failure: unavailable. */
    private CompletableFuture<Optional<String>> get(HostInfo host, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(TIMEOUT).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() == 200) {
                return Optional.of(response.body());
            }
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            throw new ScorecardsUnavailableException("instance " + host + " answered " + response.statusCode()
                    + " for " + path);
        });
    }

    private static <T> T join(CompletableFuture<T> future, HostInfo host) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ScorecardsUnavailableException unavailable) {
                throw unavailable;
            }
            throw new ScorecardsUnavailableException("instance " + host + " cannot be reached: " + cause);
        }
    }
}
