package io.pilotwatch.analytics.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.ScorecardCsv;
import io.pilotwatch.analytics.store.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}, {@code /health/live}, {@code /health/ready}, {@code /api/v1/scorecard} and
 * {@code /api/v1/scorecard.csv}. Scorecards are computed from the state stores on request, on a worker
 * thread (store reads block), never on the event loop.
 */
public final class OperationsServer {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final ScorecardSource scorecards;
    private final BooleanSupplier ready;
    private HttpServer server;

    /** Where scorecards come from, and how to refresh the metrics from them. */
    public interface ScorecardSource {
        /** @throws InvalidStateStoreException while the stores are not queryable (rebalance, restore) */
        List<PlantScorecard> scorecards();

        void refreshMetrics();
    }

    public OperationsServer(Vertx vertx, PrometheusMeterRegistry registry, ScorecardSource scorecards,
                            BooleanSupplier ready) {
        this.vertx = vertx;
        this.registry = registry;
        this.scorecards = scorecards;
        this.ready = ready;
    }

    /** Listens; the future gives the bound port. */
    public Future<Integer> start(String host, int port) {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(ctx -> blocking(ctx, () -> {
            scorecards.refreshMetrics();
            return registry.scrape();
        }, "text/plain; version=0.0.4; charset=utf-8"));
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            boolean up = ready.getAsBoolean();
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(new JsonObject().put("status", up ? "UP" : "DOWN").put("streams", up ? "RUNNING" : "NOT_RUNNING"));
        });
        router.get("/api/v1/scorecard").handler(ctx -> blocking(ctx, () -> json(scorecards.scorecards()),
                "application/json"));
        router.get("/api/v1/scorecard.csv").handler(ctx -> blocking(ctx,
                () -> ScorecardCsv.write(scorecards.scorecards()), "text/csv; charset=utf-8"));
        server = vertx.createHttpServer().requestHandler(router);
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private interface Body {
        String get() throws Exception;
    }

    private void blocking(RoutingContext ctx, Body body, String contentType) {
        vertx.<String>executeBlocking(body::get, false).onComplete(result -> {
            if (result.succeeded()) {
                ctx.response().putHeader("content-type", contentType).end(result.result());
            } else if (result.cause() instanceof InvalidStateStoreException) {
                ctx.response().setStatusCode(503).putHeader("content-type", "text/plain")
                        .end("state not queryable yet (starting or rebalancing): " + result.cause().getMessage());
            } else {
                LOG.error("Request {} failed", ctx.request().path(), result.cause());
                ctx.response().setStatusCode(500).putHeader("content-type", "text/plain")
                        .end("internal error: " + result.cause().getMessage());
            }
        });
    }

    private static String json(List<PlantScorecard> cards) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", Instant.now().toString());
        body.put("definitionsVersion", PlantScorecard.DEFINITIONS_VERSION);
        body.put("plants", cards);
        return Json.MAPPER.writeValueAsString(body);
    }
}
