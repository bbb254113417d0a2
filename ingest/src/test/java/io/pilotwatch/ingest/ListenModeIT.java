package io.pilotwatch.ingest;

import static io.pilotwatch.ingest.KafkaTopicReader.header;
import static io.pilotwatch.ingest.KafkaTopicReader.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.ingest.mqtt.Credentials;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.Promtool;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listen mode: devices connect to the bridge itself; real Kafka behind it. */
@RealBrokers
class ListenModeIT {

    private static final String PASSWORD = "line-1-secret";
    private static RunningBridge bridge;
    private static String url;

    @BeforeAll
    static void startBridge(KafkaBroker kafka, @TempDir Path dir) throws Exception {
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, "gw-l1 hz-gearbox/l1 " + Credentials.hash(PASSWORD.getBytes(StandardCharsets.UTF_8)) + "\n");
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("ingest.mode", "listen");
        config.put("ingest.listen.host", "127.0.0.1");
        config.put("ingest.listen.port", "0");
        config.put("ingest.listen.credentials.file", credentials.toString());
        config.put("ingest.bridge.id", "listen-bridge");
        config.put("http.port", "0");
        // Sends to a stopped Kafka fail after 3 s instead of 2 min, so that pubackWaitsForKafka sees the retries.
        config.put("kafka.producer.delivery.timeout.ms", "3000");
        config.put("kafka.producer.request.timeout.ms", "2000");
        bridge = new RunningBridge(config);
        url = "tcp://127.0.0.1:" + bridge.bridge.mqttPort();
    }

    @AfterAll
    static void stopBridge() throws Exception {
        bridge.close();
    }

    private static MqttConnectOptions login(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        options.setAutomaticReconnect(false);
        return options;
    }

    private static byte[] state(int seq) {
        return ("{\"seq\":" + seq + ",\"ts\":\"2025-03-01T08:00:00+08:00\",\"state\":\"idle\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void authorizedDevicePublishesIntoKafkaWithItsClientId(KafkaBroker kafka) throws Exception {
        MqttClient device = new MqttClient(url, "eol-device", new MemoryPersistence());
        device.connect(login("gw-l1", PASSWORD));
        device.publish("factory/v1/hz-gearbox/l1/eol/state", state(5), 1, false);
        device.publish("factory/v1/hz-gearbox/l1/eol/state", "not json".getBytes(StandardCharsets.UTF_8), 1, false);
        device.disconnect();

        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "factory.telemetry.v1");
             KafkaTopicReader dlq = new KafkaTopicReader(kafka.bootstrapServers(), "factory.telemetry.dlq.v1")) {
            ConsumerRecord<byte[], byte[]> record = telemetry.awaitAtLeast(1, Duration.ofSeconds(30)).stream()
                    .filter(r -> text(r.value()).contains("\"seq\":5,")).findFirst().orElseThrow();
            assertThat(text(record.key())).isEqualTo("hz-gearbox/l1");
            assertThat(header(record, Headers.MQTT_CLIENT)).isEqualTo("eol-device");
            assertThat(header(record, Headers.BRIDGE_ID)).isEqualTo("listen-bridge");
            // Other tests of this class share the DLQ topic: find this test's record by its bytes.
            ConsumerRecord<byte[], byte[]> rejected = dlq.awaitUntil(records -> records.stream()
                    .anyMatch(r -> "not json".equals(text(r.value()))), Duration.ofSeconds(30)).stream()
                    .filter(r -> "not json".equals(text(r.value()))).findFirst().orElseThrow();
            assertThat(header(rejected, Headers.ERROR_REASON)).isEqualTo("bad_json");
            assertThat(header(rejected, Headers.MQTT_CLIENT)).isEqualTo("eol-device");
        }
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        MqttClient device = new MqttClient(url, "intruder", new MemoryPersistence());

        assertThatThrownBy(() -> device.connect(login("gw-l1", "guess")))
                .isInstanceOf(MqttSecurityException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
        assertThat(bridge.counter("ingest.connections.refused", "reason", "bad_credentials")).isPositive();
    }

    @Test
    void missingCredentialsAreRefused() throws Exception {
        MqttClient device = new MqttClient(url, "anonymous", new MemoryPersistence());

        assertThatThrownBy(() -> device.connect(login(null, null))).isInstanceOf(MqttSecurityException.class);
        assertThat(bridge.counter("ingest.connections.refused", "reason", "no_credentials")).isPositive();
    }

    @Test
    void publishingForAnotherPlantIsRefusedAndNeverReachesKafka(KafkaBroker kafka) throws Exception {
        MqttClient device = new MqttClient(url, "cross-plant", new MemoryPersistence());
        device.connect(login("gw-l1", PASSWORD));

        assertThatThrownBy(() -> device.publish("factory/v1/other-plant/l1/eol/state", state(99), 1, false))
                .isInstanceOf(MqttException.class);

        await().until(() -> bridge.counter("ingest.messages.refused", "reason", "out_of_scope") >= 1);
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "factory.telemetry.v1")) {
            List<ConsumerRecord<byte[], byte[]>> records = telemetry.drain(Duration.ofSeconds(3));
            assertThat(records).noneMatch(r -> text(r.key()).startsWith("other-plant/"));
        }
    }

    @Test
    void metricsEndpointPassesPromtoolAndHealthIsReady() throws Exception {
        MqttClient device = new MqttClient(url, "metrics-device", new MemoryPersistence());
        device.connect(login("gw-l1", PASSWORD));
        device.publish("factory/v1/hz-gearbox/l1/eol/state", state(11), 1, false);
        device.publish("factory/v1/hz-gearbox/l1/eol/state", "{}".getBytes(StandardCharsets.UTF_8), 1, false);
        device.disconnect();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + bridge.bridge.httpPort();

        String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        int ready = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/health/ready")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(metrics).contains("ingest_messages_rejected_total{reason=\"missing_field\"}")
                .contains("ingest_ack_latency_seconds_bucket").contains("vertx_");
        assertThat(ready).isEqualTo(200);
        assertThat(Promtool.checkMetrics(metrics)).as("promtool check metrics findings").isEmpty();
    }

    @Test
    void qos2IsRefusedByClosingTheConnection() throws Exception {
        MqttClient device = new MqttClient(url, "qos2-device", new MemoryPersistence());
        device.connect(login("gw-l1", PASSWORD));

        assertThatThrownBy(() -> device.publish("factory/v1/hz-gearbox/l1/eol/state", state(7), 2, false))
                .isInstanceOf(MqttException.class);

        await().until(() -> bridge.counter("ingest.messages.refused", "reason", "qos2_unsupported") >= 1);
        assertThat(device.isConnected()).isFalse();
    }

    @Test
    void mqtt5ClientsGetReasonCodes() throws Exception {
        org.eclipse.paho.mqttv5.client.MqttAsyncClient device = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(url,
                "v5-device", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        options.setUserName("gw-l1");
        options.setPassword(PASSWORD.getBytes(StandardCharsets.UTF_8));
        org.eclipse.paho.mqttv5.client.IMqttToken connected = device.connect(options);
        connected.waitForCompletion(10_000);
        assertThat(connected.getResponseProperties().getMaximumQoS()).as("CONNACK announces Maximum QoS").isEqualTo(1);
        assertThat(connected.getResponseProperties().getReceiveMaximum())
                .as("CONNACK announces Receive Maximum = ingest.listen.max.inflight.per.client").isEqualTo(100);

        org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(state(8));
        message.setQos(1);
        org.eclipse.paho.mqttv5.client.IMqttToken published = device.publish("factory/v1/other-plant/l1/eol/state", message);
        published.waitForCompletion(10_000);

        assertThat(published.getReasonCodes()).as("PUBACK reason code Not authorized").containsExactly(0x87);
        assertThat(device.isConnected()).as("the connection stays open for MQTT 5").isTrue();
        device.disconnect().waitForCompletion(10_000);
    }

    /**
     * No PUBACK during the whole Kafka outage, not just at one instant: the client's callback records whether the
     * acknowledgement came while Kafka was still down. The outage spans at least two failed sends (retries, made
     * quick by the short delivery timeout of this class's bridge). Seen
     * failing with ListenSource acknowledging on receipt ("PUBACK while Kafka was down").
     */
    @Test
    void pubackWaitsForKafka(KafkaBroker kafka) throws Exception {
        MqttAsyncClient device = new MqttAsyncClient(url, "slow-kafka-device", new MemoryPersistence());
        device.connect(login("gw-l1", PASSWORD)).waitForCompletion(10_000);
        double retriesBefore = bridge.counter("ingest.kafka.send.retries");
        AtomicBoolean kafkaDown = new AtomicBoolean(true);
        AtomicReference<String> acknowledged = new AtomicReference<>();
        kafka.stop();
        try {
            IMqttDeliveryToken token = device.publish("factory/v1/hz-gearbox/l1/s9/state", state(1000), 1, false, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken done) {
                            acknowledged.set(kafkaDown.get() ? "PUBACK while Kafka was down" : "PUBACK after Kafka was back");
                        }

                        @Override
                        public void onFailure(IMqttToken done, Throwable error) {
                            acknowledged.set("failed: " + error);
                        }
                    });
            await().atMost(Duration.ofSeconds(60)).until(() -> bridge.counter("ingest.kafka.send.retries") >= retriesBefore + 2
                    && bridge.gauge("ingest.inflight.messages") >= 1);
            kafkaDown.set(false);
            kafka.restart();
            await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() != null);
            assertThat(acknowledged.get()).isEqualTo("PUBACK after Kafka was back");
            assertThat(token.isComplete()).isTrue();
        } finally {
            if (!kafka.isRunning()) {
                kafka.restart();
            }
            device.disconnect().waitForCompletion(10_000);
        }
        try (KafkaTopicReader telemetry = new KafkaTopicReader(kafka.bootstrapServers(), "factory.telemetry.v1")) {
            assertThat(telemetry.awaitAtLeast(1, Duration.ofSeconds(30)))
                    .anyMatch(r -> text(r.value()).contains("\"seq\":1000,"));
        }
    }
}
