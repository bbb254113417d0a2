package io.pilotwatch.ingest;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An in-process bridge for integration tests, with its own Vert.x and registry. */
final class RunningBridge implements AutoCloseable {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Vertx vertx = Application.createVertx(registry);
    final IngestBridge bridge;
    private final String deploymentId;

    RunningBridge(Map<String, String> config) throws Exception {
        bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
        deploymentId = vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    double counter(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    double functionCounter(String name) {
        var counter = registry.find(name).functionCounter();
        return counter == null ? 0 : counter.count();
    }

    double gauge(String name) {
        var gauge = registry.find(name).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
