package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import io.pilotwatch.testkit.corpus.HostileCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input corpus (telemetry/src/test/resources/hostile, docs/reliability.md) through a real Mosquitto
 * and the bridge in subscribe mode: every case that MQTT can carry lands in the DLQ, unchanged, with its
 * expected reason; the reject counter counts each reason; nothing reaches the telemetry topic; the bridge stays
 * up and keeps forwarding valid messages. {@code HostileCorpusTest} checks the same files against the codec.
 */
@RealBrokers
class HostileInputIT {

    private static final Path CORPUS = Path.of("..", "telemetry", "src", "test", "resources", "hostile");

    @Test
    void everyHostileCaseLandsInTheDlqWithItsReasonAndTheBridgeStaysUp(KafkaBroker kafka, MqttBroker mqtt)
            throws Exception {
        List<HostileCase> cases = HostileCase.loadAll(CORPUS).stream().filter(c -> c.notOverMqtt().isEmpty()).toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", "hostile-telemetry");
        config.put("kafka.topic.dlq", "hostile-dlq");
        config.put("mqtt.url", mqtt.url());
        config.put("mqtt.client.id", "bridge-hostile");
        // Everything, so that topics outside factory/v1/ reach the bridge and the DLQ too.
        config.put("mqtt.topic.filter", "#");
        config.put("http.port", "0");
        try (RunningBridge bridge = new RunningBridge(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            MqttClient device = new MqttClient(mqtt.url(), "hostile-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000);
            device.connect(options);
            for (HostileCase hostile : cases) {
                device.publish(hostile.topic(), hostile.payload(), 1, false);
            }
            // A valid message after all of them: the bridge still forwards.
            device.publish("factory/v1/hz-gearbox/l1/cnc-03/state",
                    "{\"seq\":1,\"ts\":1740787200000,\"state\":\"running\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    1, false);
            device.disconnect();

            try (KafkaTopicReader dlq = new KafkaTopicReader(kafka.bootstrapServers(), "hostile-dlq");
                 KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "hostile-telemetry")) {
                List<ConsumerRecord<byte[], byte[]>> rejected = dlq.awaitAtLeast(cases.size(), Duration.ofSeconds(120));
                Map<String, String> reasonByCase = new HashMap<>();
                for (HostileCase hostile : cases) {
                    ConsumerRecord<byte[], byte[]> record = rejected.stream()
                            .filter(r -> hostile.topic().equals(header(r, Headers.MQTT_TOPIC))
                                    && Arrays.equals(dlqValue(hostile), r.value() == null ? new byte[0] : r.value()))
                            .findFirst().orElseThrow(() -> new AssertionError("not in the DLQ: " + hostile));
                    reasonByCase.put(hostile.name(), header(record, Headers.ERROR_REASON));
                }
                assertThat(reasonByCase).as("DLQ reason by case").isEqualTo(cases.stream()
                        .collect(Collectors.toMap(HostileCase::name, HostileCase::reason)));
                assertThat(telemetry.awaitAtLeast(1, Duration.ofSeconds(60))).as("telemetry: only the valid message")
                        .hasSize(1);
                assertThat(dlq.drain(Duration.ofSeconds(1))).as("DLQ records").hasSize(cases.size());
            }
            Map<String, Long> expectedCounts = cases.stream()
                    .collect(Collectors.groupingBy(HostileCase::reason, Collectors.counting()));
            Map<String, Long> counted = expectedCounts.keySet().stream().collect(Collectors.toMap(Function.identity(),
                    reason -> (long) bridge.counter("ingest.messages.rejected", "reason", reason)));
            assertThat(counted).as("ingest_messages_rejected_total by reason").isEqualTo(expectedCounts);
            assertThat(bridge.bridge.readiness()).as("readiness after the corpus").doesNotContainValue(false);
            assertThat(bridge.gauge("ingest.inflight.messages")).as("nothing left in flight").isZero();
        }
    }

    /** The DLQ keeps the payload unchanged, except that a too_large one is cut to the limit (64 KiB). */
    private static byte[] dlqValue(HostileCase hostile) {
        return hostile.reason().equals("too_large")
                ? Arrays.copyOf(hostile.payload(), TelemetryCodec.DEFAULT_MAX_PAYLOAD_BYTES) : hostile.payload();
    }
}
