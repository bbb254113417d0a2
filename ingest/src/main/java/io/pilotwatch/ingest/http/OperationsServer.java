package io.pilotwatch.ingest.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /metrics} (Prometheus text format), {@code /health/live} and {@code /health/ready}. */
public final class OperationsServer {

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Map<String, Boolean>> readiness;
    private HttpServer server;

    /** @param readiness named checks; ready when all are true */
    public OperationsServer(Vertx vertx, PrometheusMeterRegistry registry, Supplier<Map<String, Boolean>> readiness) {
        this.vertx = vertx;
        this.registry = registry;
        this.readiness = readiness;
    }

    /** Listens; the future gives the bound port. */
    public Future<Integer> start(String host, int port) {
        Router router = Router.router(vertx);
        // Off the event loop: in listen mode it is every device connection's, and a scrape (the Kafka client's
        // metrics included) takes tens of ms on a busy core.
        router.get("/metrics").handler(ctx -> vertx.executeBlocking(registry::scrape, false)
                .onSuccess(text -> ctx.response()
                        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(ctx::fail));
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            Map<String, Boolean> checks = readiness.get();
            boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
            JsonObject body = new JsonObject().put("status", ready ? "UP" : "DOWN");
            checks.forEach((name, ok) -> body.put(name, ok ? "UP" : "DOWN"));
            ctx.response().setStatusCode(ready ? 200 : 503);
            ctx.json(body);
        });
        // HTTP/1.1 only: scrapers and probes speak it, and the JDK's HttpClient, which asks for an h2c upgrade on
        // every first request, was seen to hang on the upgraded connection (tests and benchmarks stalled in send).
        server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false)).requestHandler(router);
        return server.listen(port, host).map(HttpServer::actualPort);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
