package io.pilotwatch.analytics.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.metrics.ProgrammeMetrics;
import io.pilotwatch.analytics.programme.Programme;
import io.pilotwatch.analytics.programme.ProgrammeBuilder;
import io.pilotwatch.analytics.scorecard.PlantDetail;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.web.ScorecardPages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code /metrics}, {@code /health/live}, {@code /health/ready}, and the scorecard's pages and exports
 * ({@link ScorecardRoutes}). Scorecards are computed from the state stores on request, on a worker
 * thread (store reads block), never on the event loop.
 */
public final class OperationsServer {

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final ScorecardSource scorecards;
    private final ScorecardPages pages;
    private final ProgrammeBuilder programme;
    private final ProgrammeMetrics programmeMetrics;
    private final BooleanSupplier ready;
    private HttpServer server;

    /** Where scorecards come from, and how to refresh the metrics from them. */
    public interface ScorecardSource {
        /**
         * Every plant's scorecard, whichever instance holds it.
         *
         * @throws InvalidStateStoreException while the stores are not queryable (rebalance, restore)
         * @throws ScorecardsUnavailableException while plants move between instances or one cannot be reached
         */
        List<PlantScorecard> scorecards();

        /**
         * One plant's scorecard with its trends, from the instance that holds it; empty without data of it.
         *
         * @throws InvalidStateStoreException while the stores are not queryable (rebalance, restore)
         * @throws ScorecardsUnavailableException while its owner cannot be reached
         */
        Optional<PlantDetail> plant(String plant);

        /** The scorecards of the plants this instance holds (what other instances fetch). */
        List<PlantScorecard> localScorecards();

        /** One plant's scorecard if this instance holds it. */
        Optional<PlantDetail> localPlant(String plant);

        /**
         * Exports this instance's plants only: each series has one owner.
         *
         * @return the scorecards exported; empty while this instance's stores cannot be read
         */
        Optional<List<PlantScorecard>> refreshMetrics();

        /**
         * Every plant's scorecard given this instance's own (just built): the others' fetched from their instances.
         *
         * @throws ScorecardsUnavailableException while plants move between instances or one cannot be reached
         */
        default List<PlantScorecard> withOthers(List<PlantScorecard> local) {
            return local;
        }

        /**
         * Whether this instance exports the programme's metrics (built from every instance's plants): one instance
         * does, so that each programme series has one source. True for a single instance.
         */
        default boolean exportsProgramme() {
            return true;
        }
    }

    public OperationsServer(Vertx vertx, PrometheusMeterRegistry registry, ScorecardSource scorecards,
                            ScorecardPages pages, ProgrammeBuilder programme, BooleanSupplier ready) {
        this.vertx = vertx;
        this.registry = registry;
        this.scorecards = scorecards;
        this.pages = pages;
        this.programme = programme;
        this.programmeMetrics = new ProgrammeMetrics(registry);
        this.ready = ready;
    }

    /** Listens; the future gives the bound port. */
    public Future<Integer> start(String host, int port) {
        Router router = Router.router(vertx);
        BlockingReplies replies = new BlockingReplies(vertx);
        new ScorecardRoutes(scorecards, pages, programme, replies).mount(router);
        router.get("/metrics").handler(ctx -> replies.reply(ctx, () -> {
            refreshProgrammeMetrics(scorecards.refreshMetrics());
            return Reply.ok("text/plain; version=0.0.4; charset=utf-8", registry.scrape());
        }));
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            boolean up = ready.getAsBoolean();
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("streams", up ? "RUNNING" : "NOT_RUNNING"));
        });
        // HTTP/1.1 only: scrapers and probes speak it, and the JDK's HttpClient, which asks for an h2c upgrade on
        // every first request, was seen to hang on the upgraded connection (tests and benchmarks stalled in send).
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router);
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    /**
     * The programme's series from every instance's plants, on the one instance that exports them; none while the
     * plants cannot all be read (a rebalance, an instance out of reach): a programme without some plants would be
     * wrong, not just incomplete.
     */
    private void refreshProgrammeMetrics(Optional<List<PlantScorecard>> local) {
        Optional<Programme> current = Optional.empty();
        if (local.isPresent() && scorecards.exportsProgramme()) {
            try {
                current = Optional.of(programme.build(scorecards.withOthers(local.get())));
            } catch (ScorecardsUnavailableException e) {
                current = Optional.empty();
            }
        }
        programmeMetrics.update(current);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
