package io.pilotwatch.deploy.bench;

import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The reference subscriber of the raw relay: counts what the broker delivers, doing nothing else. */
final class RelayCounter implements AutoCloseable {

    private final MqttAsyncClient client;
    private final LongAdder received = new LongAdder();

    RelayCounter(String url, int window) throws MqttException {
        client = new MqttAsyncClient(url, "bench-sub-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // The run's figures show it: the count stops growing.
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.increment();
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Publishes only.
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(window);
        client.connect(options).waitForCompletion(30_000);
        client.subscribe("factory/v1/#", 1).waitForCompletion(30_000);
    }

    long received() {
        return received.sum();
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(10_000);
        client.close();
    }
}
