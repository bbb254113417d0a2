package io.pilotwatch.deploy.faults;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.Application;
import io.pilotwatch.ingest.IngestBridge;
import io.pilotwatch.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The ingest bridge in this JVM (faster to start than a child JVM), for faults that do not kill it. */
final class InProcessIngest implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Vertx vertx = Application.createVertx(registry);
    private final IngestBridge bridge;
    private final String deployment;

    InProcessIngest(Map<String, String> config) throws Exception {
        bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
        deployment = vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    boolean ready() {
        return bridge.readiness().values().stream().allMatch(Boolean::booleanValue);
    }

    boolean kafkaReady() {
        return bridge.readiness().get("kafka");
    }

    /** A counter or gauge by its Micrometer name, summed over its tags (0 while it does not exist). */
    double metric(String name) {
        return registry.find(name).meters().stream()
                .flatMap(meter -> java.util.stream.StreamSupport.stream(meter.measure().spliterator(), false))
                .mapToDouble(io.micrometer.core.instrument.Measurement::getValue).sum();
    }

    int httpPort() {
        return bridge.httpPort();
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
