package io.pilotwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribe mode reads the SUBACK (issue 16, item 4): a Mosquitto whose ACL refuses the bridge's filter answers
 * 0x80, one with {@code max_qos 0} grants QoS 0 only. Either way the bridge must stay not ready (a silent stall or
 * silent at-most-once otherwise) and try again with backoff. Before the fix both tests failed: readiness went UP
 * as soon as SUBSCRIBE was sent, and no reconnect happened.
 */
@RealBrokers
class SubscribeAckIT {

    private static Map<String, String> config(KafkaBroker kafka, MqttBroker mqtt, String suffix) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("kafka.topic.telemetry", "telemetry-suback-" + suffix);
        config.put("kafka.topic.dlq", "dlq-suback-" + suffix);
        config.put("mqtt.url", mqtt.url());
        config.put("mqtt.client.id", "bridge-suback-" + suffix);
        config.put("http.port", "0");
        config.put("mqtt.reconnect.initial.ms", "100");
        config.put("mqtt.reconnect.max.ms", "500");
        return config;
    }

    @Test
    void aRefusedSubscriptionKeepsTheBridgeNotReadyAndIsTriedAgain(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        // Mosquitto 2.0's acl_file never refuses a SUBSCRIBE (it withholds the messages instead, seen here: the
        // bridge was granted QoS 1 with "topic deny factory/#"); its dynamic security plugin does, when the
        // default access denies subscribing.
        Path dynsec = dir.resolve("dynamic-security.json");
        Files.writeString(dynsec, "{\"defaultACLAccess\":{\"publishClientSend\":true,\"publishClientReceive\":true,"
                + "\"subscribe\":false,\"unsubscribe\":true},\"clients\":[],\"groups\":[],\"roles\":[]}");
        try (MqttBroker mqtt = Brokers.startMosquitto(List.of(
                "plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so",
                "plugin_opt_config_file " + dynsec))) {
            assertStaysNotReadyAcrossRetries(kafka, mqtt, "refused");
        }
    }

    @Test
    void aSubscriptionDowngradedToQos0KeepsTheBridgeNotReadyAndIsTriedAgain(KafkaBroker kafka) throws Exception {
        try (MqttBroker mqtt = Brokers.startMosquitto(List.of("max_qos 0"))) {
            assertStaysNotReadyAcrossRetries(kafka, mqtt, "qos0");
        }
    }

    /** Readiness sampled until the bridge has subscribed again three times: DOWN at every sample. */
    private static void assertStaysNotReadyAcrossRetries(KafkaBroker kafka, MqttBroker mqtt, String suffix)
            throws Exception {
        try (RunningBridge bridge = new RunningBridge(config(kafka, mqtt, suffix))) {
            List<Boolean> mqttReady = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                mqttReady.add(bridge.bridge.readiness().get("mqtt"));
                return bridge.counter("ingest.mqtt.reconnects") >= 3;
            });

            assertThat(mqttReady).isNotEmpty().containsOnly(false);
        }
    }
}
