package io.pilotwatch.ingest.sparkplug;

import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.dbirth;
import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.nbirth;
import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.ndeath;
import static io.pilotwatch.ingest.sparkplug.SparkplugHostTest.unitData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pilotwatch.ingest.Application;
import io.pilotwatch.ingest.IngestBridge;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.simulator.cli.SimulatorCli;
import io.pilotwatch.simulator.clock.StopSignal;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparkplug B through a real Mosquitto (subscribe mode) into a real Kafka: payloads encoded by Tahu become
 * the expected normalized events, and a Sparkplug simulation gives the same KPI-relevant events as the JSON
 * simulation of the same seed.
 */
@RealBrokers
class SparkplugIT {

    private static final String MAPPING = "../docs/sparkplug-mapping.example.yaml";
    private final TelemetryCodec codec = new TelemetryCodec();

    /** A bridge in subscribe mode with Sparkplug on, writing to topics of its own. */
    private static final class Bridge implements AutoCloseable {
        final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final Vertx vertx = Application.createVertx(registry);
        final IngestBridge bridge;
        final String deployment;

        Bridge(KafkaBroker kafka, MqttBroker mqtt, String suffix, Map<String, String> extra) throws Exception {
            Map<String, String> config = new HashMap<>();
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("kafka.topic.telemetry", "telemetry-" + suffix);
            config.put("kafka.topic.dlq", "dlq-" + suffix);
            config.put("mqtt.url", mqtt.url());
            config.put("mqtt.client.id", "bridge-" + suffix);
            config.put("http.port", "0");
            config.put("sparkplug.enabled", "true");
            config.put("sparkplug.mapping.file", MAPPING);
            config.putAll(extra);
            bridge = new IngestBridge(IngestConfig.fromMap(config), registry);
            deployment = vertx.deployVerticle(bridge).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
        }

        double counter(String name) {
            var counter = registry.find(name).counter();
            return counter == null ? 0 : counter.count();
        }

        @Override
        public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
            try {
                try {
                    vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                } finally {
                    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void tahuPayloadsThroughMosquittoBecomeTheExpectedNormalizedEventsAndAPrimaryHostAsksForRebirth(
            KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        try (Bridge bridge = new Bridge(kafka, mqtt, "edge", Map.of("sparkplug.primary.host", "true",
                // Not the JSON topics: the other test leaves retained profiles there.
                "mqtt.topic.filter", "unused/#"))) {
            MqttClient edge = new MqttClient(mqtt.url(), "edge-" + UUID.randomUUID(), new MemoryPersistence());
            edge.connect(new MqttConnectOptions());
            List<String> commands = new CopyOnWriteArrayList<>();
            edge.subscribe("spBv1.0/hz-gearbox/NCMD/l2", 0, (topic, message) -> commands.add(rebirthMetric(message.getPayload())));
            Instant t0 = SparkplugHostTest.T0;

            edge.publish(SparkplugHostTest.NBIRTH, nbirth(5), 1, false);
            edge.publish(SparkplugHostTest.DBIRTH, dbirth(1, 1), 1, false);
            edge.publish(SparkplugHostTest.DDATA, unitData(2, "GB-1", "OK", t0, t0.plusSeconds(600)), 1, false);
            edge.publish(SparkplugHostTest.DDATA, unitData(3, "GB-2", "SCRAP", t0, t0.plusSeconds(700)), 1, false);
            // A line whose birth the bridge never saw: DLQ, and a rebirth request to that edge node.
            edge.publish("spBv1.0/hz-gearbox/DDATA/l2/eol", unitData(9, "GB-3", "OK", t0, t0.plusSeconds(1)), 1, false);
            edge.publish(SparkplugHostTest.NDEATH, ndeath(5), 1, false);

            List<TelemetryEvent> events = read(kafka, "telemetry-edge", 5).stream().map(this::event).toList();
            assertThat(events).extracting(e -> e.payload().kind().wireName())
                    .containsExactly("profile", "state", "unit", "unit", "state");
            assertThat(events.get(2).payload()).isEqualTo(new Payload.Unit("GB-1", t0, t0.plusSeconds(600),
                    io.pilotwatch.telemetry.UnitResult.GOOD, java.util.Optional.empty()));
            assertThat(events.get(4).payload()).isEqualTo(new Payload.State(io.pilotwatch.telemetry.MachineState.OFF));
            assertThat(events).allSatisfy(e -> assertThat(e.station().toString()).contains("hz-gearbox", "l1", "eol"));
            List<ConsumerRecord<byte[], byte[]>> dlq = read(kafka, "dlq-edge", 1);
            assertThat(new String(dlq.get(0).headers().lastHeader(Headers.ERROR_REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("sparkplug_no_birth");
            await().atMost(Duration.ofSeconds(30)).until(() -> !commands.isEmpty());
            assertThat(commands).containsExactly("Node Control/Rebirth=true");
            assertThat(bridge.counter("ingest.sparkplug.no.birth")).isEqualTo(1);
            edge.disconnect();
        }
    }

    @Test
    void inListenModeAnEdgeNodeThatDiesWithoutDisconnectHasItsNdeathWillForwardedAndItsStationsOff(
            KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        try (Bridge bridge = new Bridge(kafka, mqtt, "listen", Map.of("ingest.mode", "listen",
                "ingest.listen.anonymous", "true", "ingest.listen.port", "0"))) {
            MqttAsyncClient edge = new MqttAsyncClient("tcp://127.0.0.1:" + bridge.bridge.mqttPort(),
                    "edge-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setWill(SparkplugHostTest.NDEATH, ndeath(3), 1, false);
            edge.connect(options).waitForCompletion(10_000);
            edge.publish(SparkplugHostTest.NBIRTH, nbirth(3), 1, false).waitForCompletion(10_000);
            edge.publish(SparkplugHostTest.DBIRTH, dbirth(1, 1), 1, false).waitForCompletion(10_000);

            edge.disconnectForcibly(0, 1_000, false); // no DISCONNECT packet: the connection just dies

            List<TelemetryEvent> events = read(kafka, "telemetry-listen", 3).stream().map(this::event).toList();
            assertThat(events).extracting(TelemetryEvent::payload).containsExactly(
                    new Payload.Profile("assembly", true, false, java.util.Optional.of(95.5)),
                    new Payload.State(io.pilotwatch.telemetry.MachineState.RUNNING),
                    new Payload.State(io.pilotwatch.telemetry.MachineState.OFF));
            edge.close(true);
        }
    }

    @Test
    void aSparkplugSimulationGivesTheSameUnitsAndCostsAsTheJsonSimulationOfTheSameSeed(
            KafkaBroker kafka, MqttBroker mqtt, @TempDir Path dir) throws Exception {
        Map<String, Long> jsonUnits;
        Map<String, BigDecimal> jsonCosts;
        try (Bridge bridge = new Bridge(kafka, mqtt, "json", Map.of())) {
            simulate(mqtt, dir, "json");
            List<TelemetryEvent> events = readAll(kafka, "telemetry-json", dir.resolve("json-truth.json"));
            jsonUnits = units(events);
            jsonCosts = costs(events);
            assertThat(bridge.counter("ingest.messages.forwarded")).isEqualTo(events.size());
        }
        try (Bridge bridge = new Bridge(kafka, mqtt, "spb", Map.of("mqtt.topic.filter", "unused/#"))) {
            simulate(mqtt, dir, "sparkplug");
            List<TelemetryEvent> events = readAll(kafka, "telemetry-spb", dir.resolve("sparkplug-truth.json"));
            assertThat(units(events)).isEqualTo(jsonUnits);
            assertThat(costs(events)).isEqualTo(jsonCosts);
            assertThat(jsonUnits.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(100);
            assertThat(jsonCosts).isNotEmpty();
            assertThat(bridge.counter("ingest.sparkplug.seq.gaps")).isZero();
            assertThat(bridge.counter("ingest.sparkplug.unmapped.metrics")).isZero();
        }
    }

    private static void simulate(MqttBroker mqtt, Path dir, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = SimulatorCli.execute(new String[] {"--scenario", "default", "--mode", "backfill",
                "--from", "2015-03-02", "--until", "2015-03-04", "--seed", "11", "--broker", mqtt.url(),
                "--client-id-prefix", "sim-" + format, "--no-progress", "--payload-format", format,
                "--truth-out", dir.resolve(format + "-truth.json").toString()}, new StopSignal(),
                new PrintStream(out, true), new PrintStream(out, true));
        assertThat(exit).as(out.toString()).isZero();
    }

    /** Every record the simulation's truth says was published: units, states, profiles and costs. */
    private List<TelemetryEvent> readAll(KafkaBroker kafka, String topic, Path truth) throws Exception {
        long expected = new com.fasterxml.jackson.databind.ObjectMapper().readTree(truth.toFile())
                .at("/messages/real/total").asLong();
        List<TelemetryEvent> events = read(kafka, topic, expected).stream().map(this::event).toList();
        Set<String> ids = events.stream().map(e -> e.station() + "/" + e.boot() + "/" + e.seq()).collect(Collectors.toSet());
        assertThat(ids).as("distinct event ids").hasSize(events.size());
        return events;
    }

    /** Units by station and result. */
    private static Map<String, Long> units(List<TelemetryEvent> events) {
        return events.stream().filter(e -> e.payload() instanceof Payload.Unit)
                .collect(Collectors.groupingBy(e -> e.station() + " " + ((Payload.Unit) e.payload()).result(),
                        TreeMap::new, Collectors.counting()));
    }

    /** Cost amounts and energy by station, category and currency, compared as numbers. */
    private static Map<String, BigDecimal> costs(List<TelemetryEvent> events) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (TelemetryEvent event : events) {
            if (event.payload() instanceof Payload.Cost cost) {
                String key = event.station() + " " + cost.category() + " " + cost.currency();
                sums.merge(key, cost.amount(), BigDecimal::add);
                cost.energyKwh().ifPresent(kwh -> sums.merge(key + " kWh", kwh, BigDecimal::add));
            }
        }
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }

    private TelemetryEvent event(ConsumerRecord<byte[], byte[]> record) {
        DecodeResult result = codec.decodeNormalized(record.value());
        assertThat(result).isInstanceOf(DecodeResult.Accepted.class);
        return ((DecodeResult.Accepted) result).event();
    }

    private static String rebirthMetric(byte[] payload) throws Exception {
        Metric metric = new SparkplugBPayloadDecoder().buildFromByteArray(payload, null).getMetrics().get(0);
        return metric.getName() + "=" + metric.getValue();
    }

    /**
     * Issue 16 item 2 end to end: 50 DDEATHs with a 1969 timestamp each threw out of the bridge with their in-flight
     * room taken and were never acknowledged; Mosquitto's window (20) then filled and the connection, which also
     * carries the JSON telemetry, froze. Now each goes to the DLQ and is acknowledged, and JSON published after
     * them reaches Kafka. Seen failing with the old SparkplugHost and Forwarder: the telemetry never arrived.
     */
    @Test
    void fiftyBadDeviceDeathsDoNotWedgeTheConnectionThatCarriesJson(KafkaBroker kafka, MqttBroker mqtt)
            throws Exception {
        try (Bridge bridge = new Bridge(kafka, mqtt, "wedge", Map.of("mqtt.topic.filter", "factory/v1/sp-wedge/#"))) {
            MqttClient edge = new MqttClient(mqtt.url(), "edge-" + UUID.randomUUID(), new MemoryPersistence());
            // Paho frees an in-flight slot a moment after the publish that held it returns: with its default window
            // of 10, 101 publishes in a row were once refused ("Too many publishes in progress") on a loaded machine.
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000);
            edge.connect(options);
            edge.publish(SparkplugHostTest.NBIRTH, nbirth(5), 1, false);
            for (int i = 0; i < 50; i++) {
                edge.publish(SparkplugHostTest.DBIRTH, dbirth(1, 1), 1, false);
                edge.publish(SparkplugHostTest.DDEATH, TahuPayloads.payload().seq(2).at(Instant.ofEpochMilli(-1000))
                        .birth(), 1, false);
            }
            edge.publish("factory/v1/sp-wedge/l1/s1/state",
                    "{\"seq\":1,\"ts\":1740787200000,\"state\":\"idle\"}".getBytes(StandardCharsets.UTF_8), 1, false);
            edge.disconnect();

            // Each DBIRTH gives a profile and a state; then the JSON message.
            List<ConsumerRecord<byte[], byte[]>> telemetry = read(kafka, "telemetry-wedge", 101);
            assertThat(telemetry).filteredOn(r -> new String(r.value(), StandardCharsets.UTF_8)
                    .contains("\"plant\":\"sp-wedge\"")).singleElement().satisfies(r -> assertThat(
                    new String(r.value(), StandardCharsets.UTF_8)).contains("\"state\":\"idle\""));
            assertThat(read(kafka, "dlq-wedge", 50)).allSatisfy(r -> assertThat(new String(
                    r.headers().lastHeader(Headers.ERROR_REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("sparkplug_out_of_range"));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(KafkaBroker kafka, String topic, long expected) {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "sparkplug-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < quietUntil) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        assertThat(records).as("records on %s", topic).hasSize((int) expected);
        return records;
    }
}
