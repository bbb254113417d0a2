package io.pilotwatch.deploy.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes valid QoS 1 unit messages as fast as they are acknowledged, over several connections with a window
 * each, and remembers exactly which ones were acknowledged ({@code station/seq}) and how many were handed to the
 * client. A connection the receiver closes is replaced by a new one (counted); what was in flight on it is counted
 * as failed, not as acknowledged.
 */
final class FloodPublisher implements AutoCloseable {

    private final String url;
    private final int window;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();

    FloodPublisher(String url, int connections, int window) {
        this.url = url;
        this.window = window;
        for (int i = 0; i < connections; i++) {
            String station = "s" + i;
            Thread thread = new Thread(() -> publishLoop(station), "flood-" + station);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Acknowledged message ids, {@code station/seq}. */
    Set<String> acknowledged() {
        return acknowledged;
    }

    /** Connections opened, the first of each station included. */
    long reconnects() {
        return reconnects.sum();
    }

    /** Messages handed to the MQTT client. */
    long published() {
        return published.sum();
    }

    /** Messages whose publish failed (connection lost or closed) instead of being acknowledged. */
    long failed() {
        return failed.sum();
    }

    private void publishLoop(String station) {
        String topic = "factory/v1/flood/l1/" + station + "/unit";
        long seq = 0;
        while (running.get()) {
            MqttAsyncClient client = connect(station);
            if (client == null) {
                return;
            }
            Semaphore room = new Semaphore(window);
            while (running.get() && client.isConnected()) {
                try {
                    if (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    long mySeq = seq++;
                    MqttMessage message = new MqttMessage(payload(mySeq));
                    message.setQos(1);
                    published.increment();
                    client.publish(topic, message, null, new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            acknowledged.add(station + "/" + mySeq);
                            room.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            failed.increment();
                            room.release();
                        }
                    });
                } catch (MqttException e) {
                    failed.increment();
                    room.release(); // the connection is going away; a new one follows
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            waitForOutstanding(room);
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(10_000);
                }
                client.close(true);
            } catch (MqttException e) {
                // Closed by the receiver already.
            }
        }
    }

    /** On the way out, lets acknowledgements of what is in flight arrive (the window drains back to full). */
    private void waitForOutstanding(Semaphore room) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (room.availablePermits() < window && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private MqttAsyncClient connect(String station) {
        while (running.get()) {
            try {
                MqttAsyncClient client = new MqttAsyncClient(url, "flood-" + station + "-" + System.nanoTime(),
                        new MemoryPersistence());
                MqttConnectOptions options = new MqttConnectOptions();
                options.setMaxInflight(window);
                options.setCleanSession(true);
                client.connect(options).waitForCompletion(30_000);
                reconnects.increment();
                return client;
            } catch (MqttException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    static byte[] payload(long seq) {
        return ("{\"seq\":" + seq + ",\"ts\":1740787200000,\"unitId\":\"U-" + seq
                + "\",\"startedAt\":1740787100000,\"completedAt\":1740787200000,\"result\":\"good\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Stops publishing and waits for outstanding acknowledgements. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(90_000);
        }
    }
}
