package io.pilotwatch.deploy.bench;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.impl.MqttClientImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.slf4j.LoggerFactory;

/**
 * Many device connections at a device-like rate: vertx-mqtt clients on one event loop, each publishing QoS 1
 * {@code unit} messages as station {@code s<i>} of line {@code l<i>} (as {@link LoadGenerator}'s connections), the
 * whole fleet paced to a total rate spread round-robin over the connections. Records publish -> PUBACK per message.
 *
 * <p>Not Paho: Paho 1.2.5 runs three threads per connection (receiver, sender, callback) and {@link LoadGenerator}
 * one more to publish, so 10,000 connections would be 40,000 threads in this JVM; here every connection is a socket
 * on one event loop, which also keeps the generator's CPU on the one core it is pinned to.
 */
final class DeviceFleet implements PacedLoad {

    /** Connects this many at a time: the bridge's accept backlog is finite, and a refused connect would abort. */
    private static final int CONNECTING_AT_ONCE = 200;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final List<MqttClient> clients = new ArrayList<>();
    private final List<Map<Integer, Long>> sentAt = new ArrayList<>();
    private final Recorder latencyMicros = new Recorder(3);
    /** How late each 1 ms tick of the pacing timer ran: this generator's own stalls (its event loop without a core). */
    private final Recorder tickLateMicros = new Recorder(3);
    private volatile Histogram ticksLate = new Histogram(3);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long timer = -1;
    private long seq;

    /** Opens {@code connections} MQTT 3.1.1 connections (clean session, keep-alive 60 s) to {@code host:port}. */
    DeviceFleet(String host, int port, int connections) throws Exception {
        // vertx-mqtt logs every connection at INFO: 10,000 lines would bury the benchmark's own output.
        if (LoggerFactory.getLogger(MqttClientImpl.class) instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        String run = Long.toString(System.nanoTime(), 36);
        for (int from = 0; from < connections; from += CONNECTING_AT_ONCE) {
            List<Future<?>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(connections, from + CONNECTING_AT_ONCE); i++) {
                MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-dev-" + i + "-" + run)
                        .setCleanSession(true).setKeepAliveInterval(60).setMaxInflightQueue(10_000));
                Map<Integer, Long> pending = new HashMap<>();
                client.publishCompletionHandler(id -> acknowledged(pending, id));
                clients.add(client);
                sentAt.add(pending);
                batch.add(client.connect(port, host));
            }
            Future.all(batch).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * A PUBACK: its publish's send time is in {@code pending} once the publish future told the packet id. Should the
     * PUBACK come first, its own time is kept (negated) until the id is known. Event loop only.
     */
    private void acknowledged(Map<Integer, Long> pending, int packetId) {
        Long sent = pending.remove(packetId);
        if (sent == null) {
            pending.put(packetId, -System.nanoTime());
        } else {
            record(sent, System.nanoTime());
        }
    }

    private void record(long sent, long acked) {
        latencyMicros.recordValue(Math.max(1, (acked - sent) / 1_000));
        acknowledged.incrementAndGet();
    }

    int connections() {
        return clients.size();
    }

    /**
     * Publishes {@code totalPerSecond} messages per second, each to the next connection in turn, stamping {@code ts}
     * with the wall clock (for {@link KafkaArrival}). A 1 ms timer sends what is due; behind by more than 100 ms (the
     * event loop was held up), the schedule restarts from now rather than bursting to catch up.
     */
    @Override
    public void startPaced(double totalPerSecond) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            long[] state = {System.nanoTime(), 0, 0}; // schedule start, sent since it, next connection
            long[] lastTick = {System.nanoTime()};
            timer = vertx.setPeriodic(1, id -> {
                long now = System.nanoTime();
                tickLateMicros.recordValue(Math.max(0, (now - lastTick[0]) / 1_000 - 1_000));
                lastTick[0] = now;
                long due = (long) ((now - state[0]) / 1e9 * totalPerSecond) - state[1];
                if (due > totalPerSecond / 10) {
                    state[0] = now;
                    state[1] = 0;
                    due = 1;
                }
                for (long k = 0; k < due; k++) {
                    publish((int) (state[2]++ % clients.size()));
                    state[1]++;
                }
            });
            started.complete(null);
        });
        started.get(10, TimeUnit.SECONDS);
    }

    private void publish(int i) {
        long sent = System.nanoTime();
        byte[] payload = LoadGenerator.payload(seq++, System.currentTimeMillis());
        Map<Integer, Long> pending = sentAt.get(i);
        MqttClient client = clients.get(i);
        if (!client.isConnected()) {
            failed.incrementAndGet(); // vertx-mqtt throws rather than fails the future on a closed connection
            return;
        }
        client.publish("factory/v1/bench/l" + i + "/s" + i + "/unit", Buffer.buffer(payload),
                        MqttQoS.AT_LEAST_ONCE, false, false)
                .onSuccess(packetId -> {
                    Long ackedEarly = pending.remove(packetId);
                    if (ackedEarly == null) {
                        pending.put(packetId, sent);
                    } else {
                        record(sent, -ackedEarly);
                    }
                })
                .onFailure(e -> failed.incrementAndGet());
    }

    /** How late the pacing timer's ticks ran over the same interval as the last {@link #takeLatency()}, in µs. */
    Histogram takeTickLateness() {
        return ticksLate;
    }

    /** Stops publishing (connections stay open). */
    void stop() throws Exception {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            stopped.complete(null);
        });
        stopped.get(10, TimeUnit.SECONDS);
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** Publishes the client refused (its in-flight queue full, or the connection gone). */
    long failed() {
        return failed.get();
    }

    /** Publish -> PUBACK since the last call, in microseconds. */
    /** Also closes the interval of the pacing timer's lateness ({@link #takeTickLateness()}). */
    @Override
    public Histogram takeLatency() {
        ticksLate = tickLateMicros.getIntervalHistogram();
        return latencyMicros.getIntervalHistogram();
    }

    /** Closes every connection at once (no DISCONNECT: the bridge sees them drop). */
    @Override
    public void close() throws Exception {
        stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
