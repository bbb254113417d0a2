package io.pilotwatch.deploy.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.IngestBridge;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the ingest bridge against the raw relay on this machine, in one run with the same load
 * generator and payloads: A publishers -> Mosquitto -> plain subscriber; B publishers -> Mosquitto ->
 * bridge (subscribe) -> Kafka; C publishers -> bridge (listen) -> Kafka. Starts its own Kafka and Mosquitto.
 * {@code ./mvnw -B -q -pl deploy -am -DskipTests install && ./mvnw -B -q -pl deploy exec:java -Dexec.args="..."}
 */
@Command(name = "ingest-benchmark", mixinStandardHelpOptions = true,
        description = "Throughput and acknowledgement latency of the ingest bridge against the raw MQTT relay.")
public final class IngestBenchmark implements Callable<Integer> {

    @Option(names = "--duration", description = "Measured seconds per point (default ${DEFAULT-VALUE}).")
    int durationSeconds = 30;
    @Option(names = "--warmup", description = "Warm-up seconds before each point (default ${DEFAULT-VALUE}).")
    int warmupSeconds = 10;
    @Option(names = "--repetitions", description = "Repetitions of each point; medians are reported.")
    int repetitions = 3;
    @Option(names = "--connections", description = "Publishing connections (default ${DEFAULT-VALUE}).")
    int connections = 8;
    @Option(names = "--window", description = "In-flight window per publishing connection.")
    int window = 500;
    @Option(names = "--broker-inflight", description = "Mosquitto max_inflight_messages towards subscribers.")
    int brokerInflight = 1000;
    @Option(names = "--subscribe-connections",
            description = "Bridge connections to Mosquitto in subscribe mode (a shared subscription when > 1).")
    int subscribeConnections = 1;
    @Option(names = "--out", description = "JSON results file (default ${DEFAULT-VALUE}).")
    Path out = Path.of("target", "bench", "ingest.json");

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (KafkaBroker kafka = Brokers.startKafka();
             MqttBroker mosquitto = Brokers.startMosquitto(List.of("max_inflight_messages " + brokerInflight))) {
            kafka.createTopic("factory.telemetry.v1", 3);
            kafka.createTopic("factory.telemetry.dlq.v1", 1);
            List<Point> relay = new ArrayList<>();
            List<Point> subscribe = new ArrayList<>();
            List<Point> listen = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                relay.add(measureRelay(mosquitto));
                subscribe.add(measureBridge(kafka, mosquitto, "subscribe"));
                listen.add(measureBridge(kafka, mosquitto, "listen"));
            }
            Results results = new Results(Point.median(relay), Point.median(subscribe), Point.median(listen),
                    durationSeconds, warmupSeconds, repetitions, connections, window, brokerInflight, subscribeConnections,
                    LoadGenerator.payload(1_000_000).length);
            System.out.println(results.markdown());
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, results.json());
            System.out.println("Results written to " + out);
        }
        return 0;
    }

    private Point measureRelay(MqttBroker mosquitto) throws Exception {
        try (RelayCounter subscriber = new RelayCounter(mosquitto.url(), brokerInflight);
             LoadGenerator load = new LoadGenerator(mosquitto.url(), connections, window, 1, null, null)) {
            load.start();
            return measure(subscriber::received, load, null);
        }
    }

    private Point measureBridge(KafkaBroker kafka, MqttBroker mosquitto, String mode) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("ingest.mode", mode);
        config.put("ingest.bridge.id", "bench-" + mode);
        config.put("http.port", "0");
        config.put("mqtt.url", mosquitto.url());
        String clientId = "bench-bridge-" + System.nanoTime();
        config.put("mqtt.client.id", clientId);
        config.put("ingest.listen.host", "127.0.0.1");
        config.put("ingest.listen.port", "0");
        config.put("ingest.listen.anonymous", "true");
        if (subscribeConnections > 1) {
            config.put("mqtt.connections", Integer.toString(subscribeConnections));
            config.put("mqtt.shared.group", "bench");
        }
        config.put("ingest.listen.max.inflight.per.client", Integer.toString(window));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestBridge bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
        Vertx vertx = io.pilotwatch.ingest.Application.createVertx(registry);
        String id = vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            awaitReady(bridge);
            String target = mode.equals("listen") ? "tcp://127.0.0.1:" + bridge.mqttPort() : mosquitto.url();
            LongSupplier forwarded = () -> {
                var counter = registry.find("ingest.messages.forwarded").counter();
                return counter == null ? 0 : (long) counter.count();
            };
            try (LoadGenerator load = new LoadGenerator(target, connections, window, 1, null, null)) {
                load.start();
                return measure(forwarded, load, registry);
            }
        } finally {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
            } finally {
                // Not chained on the undeploy future: its callbacks would run on an event loop that close stops.
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                if (mode.equals("subscribe")) {
                    endSessions(mosquitto, clientId);
                }
            }
        }
    }

    /**
     * Removes the bridge's persistent sessions from Mosquitto: left behind, they would keep queueing every
     * message of the later points and slow the broker down.
     */
    private void endSessions(MqttBroker mosquitto, String clientId) throws Exception {
        for (int i = 0; i < subscribeConnections; i++) {
            String id = subscribeConnections == 1 ? clientId : clientId + "-" + i;
            var client = new org.eclipse.paho.client.mqttv3.MqttClient(mosquitto.url(), id,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setCleanSession(true);
            client.connect(options);
            client.disconnect();
            client.close();
        }
    }

    private static void awaitReady(IngestBridge bridge) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!bridge.readiness().values().stream().allMatch(Boolean::booleanValue)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bridge not ready: " + bridge.readiness());
            }
            Thread.sleep(100);
        }
    }

    /** Counts {@code delivered} over the measured window, after the warm-up. */
    private Point measure(LongSupplier delivered, LoadGenerator load, PrometheusMeterRegistry registry)
            throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        load.takeLatency();
        AckLatency bridgeLatency = registry == null ? null : new AckLatency(registry);
        long start = delivered.getAsLong();
        long published = load.acknowledged();
        long began = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(durationSeconds));
        double seconds = (System.nanoTime() - began) / 1e9;
        double rate = (delivered.getAsLong() - start) / seconds;
        double publishRate = (load.acknowledged() - published) / seconds;
        Histogram latency = load.takeLatency();
        return new Point(rate, publishRate, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
                bridgeLatency == null ? Double.NaN : bridgeLatency.sinceStartMillis(0.50),
                bridgeLatency == null ? Double.NaN : bridgeLatency.sinceStartMillis(0.99));
    }
}
