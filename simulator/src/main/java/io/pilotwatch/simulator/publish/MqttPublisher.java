package io.pilotwatch.simulator.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes over one {@link MqttConnection} per route (per line, or per station with
 * {@code --connection-per-station}), all driven by the simulation thread: each connection has its own
 * in-flight window, so a slow acknowledgement on one does not stop the others until its window is full.
 * Connecting happens in parallel, because a Paho connect takes about 0.3 s however fast the broker is
 * (its threads start in 100 ms polling steps), and thousands of station connections would otherwise take
 * minutes.
 */
public final class MqttPublisher implements MessagePublisher {

    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    private static final int CONNECT_THREADS = 64;

    private final MqttSettings settings;
    private final List<MqttConnection> connections = new ArrayList<>();
    private final long dropEveryNanos;
    private long nextDropNanos;
    private long injectedDrops;

    /** @param routeNames connection names by route index (see {@link Routes#names()}) */
    public MqttPublisher(MqttSettings settings, List<String> routeNames) {
        this(settings, routeNames, List.of());
    }

    /** @param sessions what each route's sessions start with (Sparkplug B), by route index; empty for none */
    public MqttPublisher(MqttSettings settings, List<String> routeNames, List<SessionStart> sessions) {
        this.settings = settings;
        for (int route = 0; route < routeNames.size(); route++) {
            connections.add(new MqttConnection(settings, settings.clientIdPrefix() + "-" + routeNames.get(route),
                    route < sessions.size() ? java.util.Optional.of(sessions.get(route)) : java.util.Optional.empty()));
        }
        this.dropEveryNanos = settings.dropEvery().map(Duration::toNanos).orElse(0L);
    }

    @Override
    public void connect() {
        inParallel(connections, MqttConnection::connect);
        log.info("Connected {} client(s) to {} (QoS {}, up to {} messages in flight each)", connections.size(),
                settings.url(), settings.qos(), settings.maxInflight());
        nextDropNanos = System.nanoTime() + dropEveryNanos;
    }

    @Override
    public void publish(Outgoing message) {
        if (dropEveryNanos > 0 && System.nanoTime() - nextDropNanos >= 0) {
            injectedDrops++;
            log.info("Fault injection: dropping {} connection(s) (drop {})", connections.size(), injectedDrops);
            inParallel(connections, MqttConnection::dropAndReconnect);
            // The next drop is counted from when all are back, so that every interval sees traffic.
            nextDropNanos = System.nanoTime() + dropEveryNanos;
        }
        MqttConnection connection = connections.get(message.route());
        if (!connection.isConnected()) {
            // A broker restart cuts every connection: bring them all back at once.
            inParallel(connections.stream().filter(c -> !c.isConnected()).toList(), MqttConnection::reconnectIfLost);
        }
        connection.publish(message, settings.reconnectTimeout());
    }

    @Override
    public void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (MqttConnection connection : connections) {
            connection.drain(deadline);
        }
    }

    @Override
    public long connectionLosses() {
        return connections.stream().mapToLong(MqttConnection::losses).sum();
    }

    @Override
    public long resent() {
        return connections.stream().mapToLong(MqttConnection::resent).sum();
    }

    @Override
    public void close() {
        inParallel(connections, MqttConnection::close);
    }

    /** Runs the action on every connection, a few dozen at a time, and rethrows the first failure. */
    private static void inParallel(List<MqttConnection> targets, Consumer<MqttConnection> action) {
        if (targets.size() <= 1) {
            targets.forEach(action);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONNECT_THREADS, targets.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (MqttConnection target : targets) {
                futures.add(pool.submit(() -> action.accept(target)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PublishException("connecting failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while connecting", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
