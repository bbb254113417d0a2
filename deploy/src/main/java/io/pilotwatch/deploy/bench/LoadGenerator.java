package io.pilotwatch.deploy.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes valid telemetry as fast as the receiver acknowledges it: several Paho async connections, each
 * with a large in-flight window held by a semaphore (a publish waits only when its window is full).
 * Records publish-to-acknowledgement latency per message. Optionally paced to a fixed total rate (for latency
 * at a given load) and stamping each message's {@code ts} with the wall clock at publish (so that a reader at
 * the far end can measure publish-to-arrival).
 */
final class LoadGenerator implements PacedLoad {

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder acknowledged = new LongAdder();
    private final Recorder latencyMicros = new Recorder(3);
    private final int qos;
    private final int window;
    private volatile double ratePerSecond;
    private volatile boolean liveTimestamps;

    /**
     * @param url         broker or bridge to publish to
     * @param connections parallel publishing connections, one station each
     * @param window      unacknowledged messages allowed per connection
     * @param qos         0 or 1
     */
    LoadGenerator(String url, int connections, int window, int qos, String username, String password)
            throws MqttException {
        this.qos = qos;
        this.window = window;
        for (int i = 0; i < connections; i++) {
            MqttAsyncClient client = new MqttAsyncClient(url, "bench-pub-" + i + "-" + System.nanoTime(),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(window);
            options.setCleanSession(true);
            if (username != null) {
                options.setUserName(username);
                options.setPassword(password.toCharArray());
            }
            client.connect(options).waitForCompletion(30_000);
            clients.add(client);
        }
    }

    /** Publishes at most {@code totalPerSecond} messages per second over all connections (call before start). */
    LoadGenerator paced(double totalPerSecond) {
        this.ratePerSecond = totalPerSecond;
        return this;
    }

    /** Stamps each message's {@code ts} with the wall clock at publish (call before start). */
    LoadGenerator liveTimestamps() {
        this.liveTimestamps = true;
        return this;
    }

    @Override
    public void startPaced(double totalPerSecond) {
        paced(totalPerSecond).liveTimestamps().start();
    }

    /** A unit message of about 140 bytes, as real stations send. */
    static byte[] payload(long seq) {
        return payload(seq, 1740787200000L);
    }

    static byte[] payload(long seq, long tsMillis) {
        return ("{\"seq\":" + seq + ",\"boot\":1,\"ts\":" + tsMillis + ",\"unitId\":\"U-" + (1_000_000_000L + seq)
                + "\",\"startedAt\":1740787100000,\"completedAt\":1740787200000,\"result\":\"good\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    void start() {
        for (int i = 0; i < clients.size(); i++) {
            MqttAsyncClient client = clients.get(i);
            String topic = "factory/v1/bench/l" + i + "/s" + i + "/unit";
            Thread thread = new Thread(() -> publishLoop(client, topic), "bench-publisher-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void publishLoop(MqttAsyncClient client, String topic) {
        Semaphore room = new Semaphore(window);
        long seq = 0;
        long intervalNanos = ratePerSecond > 0 ? Math.round(1e9 * clients.size() / ratePerSecond) : 0;
        long next = System.nanoTime();
        while (running.get()) {
            try {
                if (intervalNanos > 0) {
                    // A fixed schedule, not a sleep after each send: a late send does not lower the rate. Behind by
                    // more than a few sends (the window was full), the schedule restarts from now rather than
                    // bursting to catch up, which would measure a burst instead of the paced rate.
                    next += intervalNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (wait < -4 * intervalNanos) {
                        next = System.nanoTime();
                    }
                }
                room.acquire();
                long sentAt = System.nanoTime();
                byte[] payload = liveTimestamps ? payload(seq++, System.currentTimeMillis()) : payload(seq++);
                MqttMessage message = new MqttMessage(payload);
                message.setQos(qos);
                client.publish(topic, message, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        latencyMicros.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1_000));
                        acknowledged.increment();
                        room.release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable error) {
                        room.release();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (MqttException e) {
                room.release();
                if (!running.get()) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Messages acknowledged so far (for QoS 0: handed to the network). */
    long acknowledged() {
        return acknowledged.sum();
    }

    /** Publish-to-acknowledgement latency since the last call, in microseconds. */
    @Override
    public org.HdrHistogram.Histogram takeLatency() {
        return latencyMicros.getIntervalHistogram();
    }

    @Override
    public void close() throws Exception {
        if (!running.getAndSet(false)) {
            return; // closed already
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        for (MqttAsyncClient client : clients) {
            try {
                client.disconnect().waitForCompletion(10_000);
            } catch (MqttException e) {
                client.disconnectForcibly(1_000, 1_000);
            }
            client.close();
        }
    }
}
