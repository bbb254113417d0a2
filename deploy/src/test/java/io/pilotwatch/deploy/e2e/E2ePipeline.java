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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole system once, all real: simulator (scenario {@code e2e/scenario.yaml}, fixed seed, accelerated,
 * 1% duplicates and 1% malformed payloads) -> Mosquitto -> ingest (subscribe) -> Kafka -> analytics (the
 * test's targets and baselines files) -> a real Prometheus that loads this repository's configuration and rule
 * files and scrapes both services every 2 seconds. After the simulator, one late unit and one cost in a foreign
 * currency are published by hand, so that the late-event and analytics-reject series exist too.
 *
 * <p>This base class starts everything once and waits until Prometheus shows every event processed; its one
 * subclass, {@link PilotwatchE2eIT}, holds the checks (one class, so brokers and pipeline run once).
 */
@RealBrokers
abstract class E2ePipeline {

    static final Path RESOURCES = Path.of("src/test/resources/e2e");
    static final Path PROMETHEUS_DIR = Path.of("prometheus");
    static final Path DASHBOARDS = Path.of("grafana/dashboards");
    static final String LATE_PLANT = "xa-casting";
    /** Simulated seconds per wall second: the 95 simulated days take about 30 s. */
    private static final String SPEED = "300000";
    private static final Duration PROCESSED = Duration.ofMinutes(8);

    @TempDir
    static Path dir;

    static GroundTruth truth;
    static PrometheusServer prometheus;
    static String ingestTarget;
    static String analyticsTarget;
    /** When the simulator had published everything: the 5-minute rates of the traffic are defined around it. */
    static Instant publishedAt;
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
        // Milestone m3 is still open at the end of the data: three complete months make its projection.
        analyticsConfig.put("analytics.trend.min.months", "2");
        // The scenario learns its baselines from one month (January 2024), by design of the test's short history.
        analyticsConfig.put("analytics.baseline.min.months", "1");
        analyticsConfig.put("http.host", "127.0.0.1");
        analyticsConfig.put("http.port", "0");
        analytics = AnalyticsService.start(AnalyticsConfig.fromMap(analyticsConfig));

        ingestTarget = "127.0.0.1:" + bridge.httpPort();
        analyticsTarget = "127.0.0.1:" + analytics.httpPort();
        prometheus = PrometheusServer.start(ScrapeConfig.forTest(PROMETHEUS_DIR.resolve("prometheus.yml"),
                ingestTarget, analyticsTarget), dir.resolve("prometheus"));

        Path truthFile = dir.resolve("truth.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SimulatorCli.execute(new String[] {"--scenario", RESOURCES.resolve("scenario.yaml").toString(),
                "--mode", "accelerated", "--speed", SPEED, "--seed", "42", "--broker", mqtt.url(),
                "--client-id-prefix", "e2e", "--truth-out", truthFile.toString(), "--duplicates", "1",
                "--malformed", "1"}, new StopSignal(), new PrintStream(out, true), new PrintStream(out, true));
        assertThat(exit).as(out.toString()).isZero();
        truth = GroundTruth.read(truthFile);
        publishLateUnitAndForeignCurrencyCost(mqtt);
        publishedAt = Instant.now();

        try {
            await("Prometheus shows every event processed").atMost(PROCESSED).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(E2ePipeline::assertEverythingProcessed);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\nPrometheus targets: " + prometheus.targets().get("activeTargets"), e);
        }
        // Keep what the services exported for whoever reads a failure.
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

    /**
     * A unit of January (a month closed long ago: counted as late, in no KPI) and a cost in USD (the plant's
     * currency is CNY: the analytics service sends it to the DLQ as bad_value). Boot 99 keeps their ids apart
     * from the simulator's (boot 1).
     */
    private static void publishLateUnitAndForeignCurrencyCost(MqttBroker mqtt) throws Exception {
        MqttClient client = new MqttClient(mqtt.url(), "e2e-by-hand", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        try {
            String prefix = "factory/v1/" + LATE_PLANT + "/l1/s3/";
            client.publish(prefix + "unit", ("{\"seq\":1,\"boot\":99,\"ts\":\"2024-01-15T10:00:00+08:00\","
                    + "\"unitId\":\"late-1\",\"startedAt\":\"2024-01-15T06:00:00+08:00\","
                    + "\"completedAt\":\"2024-01-15T10:00:00+08:00\",\"result\":\"good\"}")
                    .getBytes(StandardCharsets.UTF_8), 1, false);
            client.publish(prefix + "cost", ("{\"seq\":2,\"boot\":99,\"ts\":\"2024-04-04T12:00:00+08:00\","
                    + "\"category\":\"other\",\"amount\":10.5,\"currency\":\"USD\"}")
                    .getBytes(StandardCharsets.UTF_8), 1, false);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    /** Every real event of every plant used, the hand-made late unit counted, the last milestone assessed. */
    private static void assertEverythingProcessed() {
        for (String plant : truth.plants()) {
            for (String kind : new String[] {"unit", "profile", "state", "cost"}) {
                assertThat(PromValues.single(prometheus, "sum(analytics_events_accepted_total{plant=\"" + plant
                        + "\", kind=\"" + kind + "\"})")).as("%s %s events accepted", plant, kind)
                        .isEqualTo(truth.plantMessages(plant, kind));
            }
            assertThat(PromValues.single(prometheus, "sum(analytics_verdict{plant=\"" + plant
                    + "\", milestone=\"m2\", state=~\"met|not_met\"})")).as("%s: m2 assessed", plant).isEqualTo(5);
        }
        assertThat(PromValues.single(prometheus, "sum(analytics_events_late_total{plant=\"" + LATE_PLANT + "\"})"))
                .isEqualTo(1);
        assertThat(PromValues.single(prometheus, "sum(analytics_records_rejected_total{plant=\"" + LATE_PLANT + "\"})"))
                .isEqualTo(1);
    }

    private static void dump(String name, int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Path target = Path.of("target", "e2e");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name + ".prom"), response.body(), StandardCharsets.UTF_8);
    }
}
