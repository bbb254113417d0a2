package io.pilotwatch.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

@RealBrokers
class MosquittoBrokerIT {

    @Test
    void qos1MessageForOfflinePersistentSessionSurvivesRestart(MqttBroker mqtt) throws Exception {
        MqttClient subscriber = client(mqtt, "line-7-subscriber");
        subscriber.connect(persistentSession());
        subscriber.subscribe("plant/line-7/alarms", 1);
        subscriber.disconnect();

        MqttClient publisher = client(mqtt, "line-7-publisher");
        publisher.connect();
        // Blocks until the broker's PUBACK: the broker owns the message from here on.
        publisher.publish("plant/line-7/alarms", "overheat".getBytes(StandardCharsets.UTF_8), 1, false);
        publisher.disconnect();
        publisher.close();

        mqtt.restart();

        List<String> received = new CopyOnWriteArrayList<>();
        subscriber.setCallback(collectingInto(received));
        subscriber.connect(persistentSession());
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("overheat"));
        } finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    @Test
    void killRefusesConnectionsAndRestartAcceptsThem(MqttBroker mqtt) throws Exception {
        mqtt.kill();

        assertThat(mqtt.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket(mqtt.host(), mqtt.port()).close()).isInstanceOf(ConnectException.class);

        mqtt.restart();

        assertThat(mqtt.isRunning()).isTrue();
        assertConnects(mqtt);
    }

    @Test
    void connectWhileFrozenIsAnsweredOnlyAfterThaw(MqttBroker mqtt) throws Exception {
        mqtt.freeze();
        assertThat(mqtt.isRunning()).isFalse();

        MqttAsyncClient client = new MqttAsyncClient(mqtt.url(), "patient", new MemoryPersistence());
        // The kernel still accepts the TCP connection, but the frozen broker sends no CONNACK.
        IMqttToken connecting = client.connect();
        assertThatThrownBy(() -> connecting.waitForCompletion(1_000))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_CLIENT_TIMEOUT);

        mqtt.thaw();

        // The same TCP connection carries on: the broker reads the waiting CONNECT and answers it.
        await().atMost(Duration.ofSeconds(10)).until(client::isConnected);
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }

    private static void assertConnects(MqttBroker mqtt) throws MqttException {
        MqttClient client = client(mqtt, "probe");
        client.connect();
        assertThat(client.isConnected()).isTrue();
        client.disconnect();
        client.close();
    }

    private static MqttClient client(MqttBroker mqtt, String clientId) throws MqttException {
        // Memory persistence: the default file persistence would litter the working directory.
        return new MqttClient(mqtt.url(), clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions persistentSession() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        return options;
    }

    private static MqttCallback collectingInto(List<String> payloads) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // the test notices a lost connection by not receiving the message
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // this client only subscribes
            }
        };
    }
}
