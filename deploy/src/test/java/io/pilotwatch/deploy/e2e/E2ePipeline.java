package io.pilotwatch.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.analytics.AnalyticsService;
import io.pilotwatch.analytics.config.AnalyticsConfig;
import io.pilotwatch.ingest.Application;
import io.pilotwatch.ingest.IngestBridge;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.simulator.cli.SimulatorCli;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.telemetry.Topics;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole system, all real: simulator (scenario {@code e2e/scenario.yaml}, fixed seed, accelerated, with
 * duplicates and malformed payloads) -> Mosquitto -> ingest (subscribe) -> Kafka -> analytics -> a real
 * Prometheus loading this repository's configuration and rule files. The pipeline runs once for the class;
 * each test checks one promise of issue 6 against that Prometheus (docs/operations.md describes what is
 * checked and the tolerances).
 */
@RealBrokers
class PilotwatchE2eIT {

    static final Path RESOURCES = Path.of("src/test/resources/e2e");
    static final Path PROMETHEUS_DIR = Path.of("prometheus");
    static final Path DASHBOARDS = Path.of("grafana/dashboards");
    /** Simulated seconds per wall second: the 95 simulated days take about 30 s. */
    private static final String SPEED = "300000";
    private static final Duration PROCESSED = Duration.ofMinutes(4);

    @TempDir
    static Path dir;

    static GroundTruth truth;
    static PrometheusServer prometheus;
    private static Vertx vertx;
    private static AnalyticsService analytics;

    @BeforeAll
    static void runThePipeline(KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        PrometheusServer.binary();
        kafka.createTopic(Topics.TELEMETRY, 2);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        vertx = Application.createVertx(registry);
        Map<String, String> ingestConfig = new HashMap<>();
        ingestConfig.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        ingestConfig.put("mqtt.url", mqtt.url());
        ingestConfig.put("ingest.bridge.id", "e2e");
        ingestConfig.put("http.host", "127.0.0.1");
        ingestConfig.put("http.port", "0");
        IngestBridge bridge = new IngestBridge(IngestConfig.fromMap(ingestConfig), registry);
        vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60)).until(() -> bridge.readiness().values().stream()
                .allMatch(Boolean::booleanValue));

        Map<String, String> analyticsConfig = new HashMap<>();
        analyticsConfig.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        analyticsConfig.put("analytics.application.id", "pilotwatch-e2e");
        analyticsConfig.put("analytics.state.dir", dir.resolve("analytics-state").toString());
        analyticsConfig.put("analytics.targets.file", RESOURCES.resolve("targets.yaml").toAbsolutePath().toString());
        analyticsConfig.put("analytics.baselines.file", RESOURCES.resolve("baselines.yaml").toAbsolutePath().toString());
        analyticsConfig.put("analytics.publish.interval.seconds", "1");
        analyticsConfig.put("http.host", "127.0.0.1");
        analyticsConfig.put("http.port", "0");
        analytics = AnalyticsService.start(AnalyticsConfig.fromMap(analyticsConfig));

        prometheus = PrometheusServer.start(ScrapeConfig.forTest(PROMETHEUS_DIR.resolve("prometheus.yml"),
                "127.0.0.1:" + bridge.httpPort(), "127.0.0.1:" + analytics.httpPort()), dir.resolve("prometheus"));

        Path truthFile = dir.resolve("truth.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SimulatorCli.execute(new String[] {"--scenario", RESOURCES.resolve("scenario.yaml").toString(),
                "--mode", "accelerated", "--speed", SPEED, "--seed", "42", "--broker", mqtt.url(),
                "--client-id-prefix", "e2e", "--truth-out", truthFile.toString(), "--duplicates", "1",
                "--malformed", "1"}, new StopSignal(), new PrintStream(out, true), new PrintStream(out, true));
        assertThat(exit).as(out.toString()).isZero();
        truth = GroundTruth.read(truthFile);

        dump("ingest", bridge.httpPort());
        dump("analytics", analytics.httpPort());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (analytics != null) {
            analytics.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void prometheusScrapesBothServices() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus.query("up == 1"))
                .hasSize(2));
    }

    private static void dump(String name, int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Path target = Path.of("target", "e2e");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name + ".prom"), response.body(), StandardCharsets.UTF_8);
    }
}
