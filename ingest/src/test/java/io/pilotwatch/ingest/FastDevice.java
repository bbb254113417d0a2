package io.pilotwatch.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device that publishes {@code count} QoS 1 messages (seq 0..count-1) as fast as its client library lets it, and
 * keeps publishing across connection losses: a persistent session, automatic reconnect, an offline buffer, and
 * what was in flight resent by the library. What a real gateway flushing its backlog does.
 */
abstract class FastDevice implements AutoCloseable {

    final String clientId;
    private final int count;
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger connectionsLost = new AtomicInteger();
    /** Released on every acknowledgement: a publisher told "window full" waits for one. */
    private final Semaphore freed = new Semaphore(0);
    private final Thread publisher;
    private volatile boolean running = true;

    FastDevice(String clientId, int count) {
        this.clientId = clientId;
        this.count = count;
        this.publisher = new Thread(this::publishAll, "publisher-" + clientId);
        this.publisher.setDaemon(true);
    }

    void start() {
        publisher.start();
    }

    /** Distinct messages acknowledged without an error reason code. */
    int acknowledged() {
        return acknowledged.size();
    }

    /** Acknowledgements that carried an error reason code (MQTT 5 PUBACK >= 0x80). */
    int failures() {
        return failures.get();
    }

    int connectionsLost() {
        return connectionsLost.get();
    }

    /** Publishes one message; throws if the library refuses it now (window full, buffer full, not connected). */
    abstract void publish(String topic, byte[] payload, int seq) throws Exception;

    void onAcknowledged(Object seq, boolean error) {
        if (error) {
            failures.incrementAndGet();
        } else if (seq instanceof Integer id) {
            acknowledged.add(id);
        }
        freed.release();
    }

    void onConnectionLost() {
        connectionsLost.incrementAndGet();
    }

    private void publishAll() {
        String topic = "factory/v1/bp/l1/" + clientId + "/state";
        for (int seq = 0; seq < count && running; seq++) {
            byte[] payload = ("{\"seq\":" + seq + ",\"ts\":\"2025-03-01T08:00:00+08:00\",\"state\":\"idle\"}")
                    .getBytes(StandardCharsets.UTF_8);
            while (running) {
                try {
                    publish(topic, payload, seq);
                    break;
                } catch (Exception refusedForNow) {
                    // Window or buffer full, or reconnecting: wait for an acknowledgement (or a moment) and retry.
                    freed.drainPermits();
                    try {
                        freed.tryAcquire(20, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    void stopPublishing() throws InterruptedException {
        running = false;
        publisher.join(10_000);
    }

    /** Paho MQTT 3.1.1: clean session off, automatic reconnect, the given in-flight window. */
    static final class V3 extends FastDevice {
        private final org.eclipse.paho.client.mqttv3.MqttAsyncClient client;

        V3(String url, String clientId, int count, int window) throws Exception {
            super(clientId, count);
            client = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(url, clientId,
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setMaxReconnectDelay(1_000);
            options.setMaxInflight(window);
            org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions buffer = new org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(count);
            client.setBufferOpts(buffer);
            client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallbackExtended() {
                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void connectionLost(Throwable cause) {
                    onConnectionLost();
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                    onAcknowledged(token.getUserContext(), false);
                }
            });
            client.connect(options).waitForCompletion(30_000);
        }

        @Override
        void publish(String topic, byte[] payload, int seq) throws Exception {
            client.publish(topic, payload, 1, false, seq, null);
        }

        @Override
        public void close() throws Exception {
            stopPublishing();
            client.disconnectForcibly(1_000, 1_000);
            client.close(true);
        }
    }

    /** Paho MQTT 5: clean start off with a session expiry, automatic reconnect, no Receive Maximum of its own. */
    static final class V5 extends FastDevice {
        private final org.eclipse.paho.mqttv5.client.MqttAsyncClient client;
        private final int receiveMaximum;

        V5(String url, String clientId, int count) throws Exception {
            super(clientId, count);
            client = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(url, clientId,
                    new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
            options.setCleanStart(false);
            options.setSessionExpiryInterval(3_600L);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 1);
            org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions buffer = new org.eclipse.paho.mqttv5.client.DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(count);
            client.setBufferOpts(buffer);
            client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
                @Override
                public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
                    onConnectionLost();
                }

                @Override
                public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    boolean error = codes != null && java.util.Arrays.stream(codes).anyMatch(code -> code >= 0x80);
                    onAcknowledged(token.getUserContext(), error);
                }

                @Override
                public void connectComplete(boolean reconnect, String serverUri) {
                }

                @Override
                public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
                }
            });
            org.eclipse.paho.mqttv5.client.IMqttToken connected = client.connect(options);
            connected.waitForCompletion(30_000);
            Integer announced = connected.getResponseProperties().getReceiveMaximum();
            receiveMaximum = announced == null ? 65_535 : announced;
        }

        /** The Receive Maximum the server announced in CONNACK (65,535 when it announced none). */
        int receiveMaximum() {
            return receiveMaximum;
        }

        @Override
        void publish(String topic, byte[] payload, int seq) throws Exception {
            org.eclipse.paho.mqttv5.common.MqttMessage message = new org.eclipse.paho.mqttv5.common.MqttMessage(payload);
            message.setQos(1);
            client.publish(topic, message, seq, null);
        }

        @Override
        public void close() throws Exception {
            stopPublishing();
            client.disconnectForcibly(1_000, 1_000, false);
            client.close(true);
        }
    }
}
