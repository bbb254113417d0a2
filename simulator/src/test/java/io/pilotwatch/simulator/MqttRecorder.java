package io.pilotwatch.simulator;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A QoS 1 subscriber on {@code factory/v1/#} that records every message. {@link #awaitEverything()} publishes
 * a marker after the publisher has finished: the broker delivers in order, so once the marker is back every
 * earlier message has arrived, and counts can be compared exactly without waiting for a quiet period.
 */
final class MqttRecorder implements AutoCloseable {

    /** A received message; {@code retained} is true only for messages the broker stored before we subscribed. */
    record Received(String topic, byte[] payload, boolean retained) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static final String MARKER_TOPIC = "test/marker";
    private final MqttClient client;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean markerSeen = new AtomicBoolean();

    MqttRecorder(String url, String clientId) throws MqttException {
        client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        IMqttMessageListener record = (topic, message) -> {
            if (topic.equals(MARKER_TOPIC)) {
                markerSeen.set(true);
            } else {
                received.add(new Received(topic, message.getPayload(), message.isRetained()));
            }
        };
        client.subscribe(new String[] {"factory/v1/#", MARKER_TOPIC}, new int[] {1, 1},
                new IMqttMessageListener[] {record, record});
    }

    /** Returns once every message published before this call has been received. */
    void awaitEverything() throws MqttException {
        MqttMessage marker = new MqttMessage("done".getBytes(StandardCharsets.UTF_8));
        marker.setQos(1);
        client.publish(MARKER_TOPIC, marker);
        await().atMost(Duration.ofMinutes(2)).untilTrue(markerSeen);
    }

    /** Messages published while subscribed (not the retained ones replayed at subscription). */
    List<Received> live() {
        return received.stream().filter(message -> !message.retained()).toList();
    }

    /** Retained messages the broker replayed when we subscribed. */
    List<Received> retained() {
        return received.stream().filter(Received::retained).toList();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
