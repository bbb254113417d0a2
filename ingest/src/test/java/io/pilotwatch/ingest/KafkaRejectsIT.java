package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * Permanent Kafka errors (issue 16, item 7), with a real broker: a telemetry topic whose {@code max.message.bytes}
 * is below a valid record's size refuses it for good ({@code RecordTooLargeException}). Before the fix the bridge
 * retried such a record every 10 s for ever and never acknowledged the message (seen: no DLQ record, readiness
 * stayed UP). In subscribe mode the publisher's PUBACK comes from Mosquitto; the bridge's acknowledgement shows as
 * its in-flight gauge returning to 0 (it gives the room back when it acknowledges).
 */
@RealBrokers
class KafkaRejectsIT {

    /** Far below a normalized state record with its headers (about 300 bytes), above what a topic needs. */
    private static final String TINY = "100";

    private static Map<String, String> config(KafkaBroker kafka, MqttBroker mqtt, String suffix) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", "telemetry-rejects-" + suffix);
        config.put("kafka.topic.dlq", "dlq-rejects-" + suffix);
        config.put("mqtt.url", mqtt.url());
        config.put("mqtt.client.id", "bridge-rejects-" + suffix);
        config.put("http.port", "0");
        return config;
    }

    private static Admin admin(KafkaBroker kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void createTopic(Admin admin, String name, String maxMessageBytes) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, 1, (short) 1)
                .configs(Map.of("max.message.bytes", maxMessageBytes)))).all().get(60, TimeUnit.SECONDS);
    }

    private static void publish(MqttBroker mqtt, String payload) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(mqtt.url(), "pub-rejects-" + System.nanoTime(),
                new MemoryPersistence());
        client.connect(new MqttConnectOptions()).waitForCompletion(10_000);
        client.publish("factory/v1/p1/l1/s1/state", payload.getBytes(StandardCharsets.UTF_8), 1, false)
                .waitForCompletion(10_000); // Mosquitto has it
        client.disconnect().waitForCompletion(10_000);
    }

    @Test
    void aRecordKafkaRefusesForGoodGoesToTheDlqAndIsAcknowledged(KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        try (Admin admin = admin(kafka)) {
            createTopic(admin, "telemetry-rejects-large", TINY);
            createTopic(admin, "dlq-rejects-large", "1048588");
        }
        try (RunningBridge bridge = new RunningBridge(config(kafka, mqtt, "large"));
             KafkaTopicReader dlq = new KafkaTopicReader(kafka.bootstrapServers(), "dlq-rejects-large")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.bridge.readiness().values().stream()
                    .allMatch(Boolean::booleanValue));
            String payload = "{\"seq\":1,\"ts\":1740787200000,\"state\":\"running\"}";
            publish(mqtt, payload);

            ConsumerRecord<byte[], byte[]> dead = dlq.awaitAtLeast(1, Duration.ofSeconds(60)).get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(payload);
            assertThat(header(dead, Headers.ERROR_REASON)).isEqualTo("kafka_rejected");
            assertThat(header(dead, Headers.ERROR_DETAIL)).startsWith("telemetry-rejects-large refused the record: "
                    + "RecordTooLargeException");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    bridge.counter("ingest.messages.rejected", "reason", "kafka_rejected") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> bridge.gauge("ingest.inflight.messages") == 0);
            assertThat(bridge.bridge.readiness().get("kafka")).isTrue();
        }
    }

    @Test
    void whenTheDlqRefusesTooTheBridgeIsNotReadyAndTheMessageWaitsUnacknowledged(KafkaBroker kafka, MqttBroker mqtt)
            throws Exception {
        try (Admin admin = admin(kafka)) {
            createTopic(admin, "telemetry-rejects-both", TINY);
            createTopic(admin, "dlq-rejects-both", TINY);
            try (RunningBridge bridge = new RunningBridge(config(kafka, mqtt, "both"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> bridge.bridge.readiness().values().stream()
                        .allMatch(Boolean::booleanValue));
                publish(mqtt, "{\"seq\":1,\"ts\":1740787200000,\"state\":\"idle\"}");

                List<Boolean> kafkaReady = new ArrayList<>();
                List<Double> inflight = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> !bridge.bridge.readiness().get("kafka"));
                // The DLQ write is retried with backoff; the message stays unacknowledged (in flight) meanwhile.
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    kafkaReady.add(bridge.bridge.readiness().get("kafka"));
                    inflight.add(bridge.gauge("ingest.inflight.messages"));
                    return bridge.counter("ingest.kafka.send.retries") >= 2;
                });
                assertThat(kafkaReady).containsOnly(false);
                assertThat(inflight).containsOnly(1.0);
                assertThat(bridge.counter("ingest.messages.rejected", "reason", "kafka_rejected")).isZero();

                // The operator raises the DLQ's limit: the message goes there and is acknowledged, readiness UP.
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "dlq-rejects-both"),
                        Set.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"),
                                AlterConfigOp.OpType.SET)))).all().get(60, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(60)).until(() -> bridge.gauge("ingest.inflight.messages") == 0);
                await().atMost(Duration.ofSeconds(60)).until(() -> bridge.bridge.readiness().get("kafka"));
                assertThat(bridge.counter("ingest.messages.rejected", "reason", "kafka_rejected")).isEqualTo(1);
            }
        }
    }
}
