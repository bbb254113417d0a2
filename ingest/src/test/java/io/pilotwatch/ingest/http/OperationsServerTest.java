package io.pilotwatch.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OperationsServerTest {

    /**
     * In listen mode the operations server shares its event loop with every device connection: a scrape (tens of ms
     * with the Kafka client's metrics) would stall them all (docs/benchmarks.md, 2026-12-07).
     */
    @Test
    void metricsAreScrapedOffTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            AtomicReference<Boolean> readOnEventLoop = new AtomicReference<>();
            Gauge.builder("probe", () -> {
                readOnEventLoop.set(Context.isOnEventLoopThread());
                return 1;
            }).register(registry);
            OperationsServer server = new OperationsServer(vertx, registry, Map::of);
            int port = server.start("127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("probe 1.0");
            assertThat(readOnEventLoop.get()).as("gauge read on an event loop thread").isFalse();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
