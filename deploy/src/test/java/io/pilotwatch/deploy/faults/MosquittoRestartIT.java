package io.pilotwatch.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilotwatch.testkit.Brokers;
import io.pilotwatch.testkit.KafkaBroker;
import io.pilotwatch.testkit.MqttBroker;
import io.pilotwatch.testkit.RealBrokers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault scenario 4 (docs/reliability.md): Mosquitto restarted while the simulator publishes and the bridge
 * consumes. Both reconnect; the bridge's persistent session (with its unacknowledged messages) and the retained
 * profiles survive the restart, so nothing acknowledged is lost and a newcomer still learns every profile.
 */
@RealBrokers
class MosquittoRestartIT {

    @ParameterizedTest(name = "restarted after {0} messages forwarded")
    @ValueSource(ints = {150, 700, 1400})
    void mosquittoRestartLosesNothingAndKeepsRetainedProfiles(int faultAfter, KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        String run = "mqtt-restart-" + faultAfter;
        try (MqttBroker mqtt = Brokers.startMosquitto();
             InProcessIngest ingest = new InProcessIngest(Pipeline.ingestConfig(kafka, mqtt.url(), run))) {
            await().atMost(Duration.ofSeconds(120)).until(ingest::ready);
            SimulatedPlants plants = SimulatedPlants.publish(mqtt.url(), dir, run);
            plants.awaitProgress(() -> ingest.metric("ingest.messages.forwarded"), faultAfter, Pipeline.DELIVERED);
            mqtt.restart();

            Truth truth = plants.awaitTruth(Pipeline.DELIVERED);
            Pipeline.assertEveryAcknowledgedMessageInKafka(kafka, run, truth);
            assertThat(ingest.metric("ingest.mqtt.reconnects")).as("bridge reconnections").isPositive();
            assertThat(retainedProfiles(mqtt)).as("retained profiles after the restart").hasSize((int) truth.retainedTopics());
        }
    }

    /** The topics of the retained profiles a client that connects now receives. */
    private static Set<String> retainedProfiles(MqttBroker mqtt) throws Exception {
        Set<String> topics = ConcurrentHashMap.newKeySet();
        MqttClient newcomer = new MqttClient(mqtt.url(), "newcomer-" + UUID.randomUUID(), new MemoryPersistence());
        newcomer.connect(new MqttConnectOptions());
        try {
            newcomer.subscribe("factory/v1/+/+/+/profile", 1, (topic, message) -> {
                if (message.isRetained()) {
                    topics.add(topic);
                }
            });
            // Retained messages come at once after SUBSCRIBE; wait until the count stops growing.
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(1)).until(() -> {
                int before = topics.size();
                Thread.sleep(500);
                return before > 0 && topics.size() == before;
            });
        } finally {
            newcomer.disconnect();
            newcomer.close();
        }
        return topics;
    }
}
