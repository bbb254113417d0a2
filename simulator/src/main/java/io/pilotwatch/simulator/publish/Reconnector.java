package io.pilotwatch.simulator.publish;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a fresh Paho client, retrying with exponential backoff until the reconnect timeout. A new client
 * per attempt: a Paho client that was cut off can stay stuck in "disconnecting" and never connect again.
 */
final class Reconnector {

    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long MAX_ATTEMPT_MILLIS = 10_000;
    private static final long CLOSE_DELAY_MILLIS = 2_000;
    /** Daemon: clients still waiting to be closed when the JVM exits need no closing. */
    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mqtt-closer");
        thread.setDaemon(true);
        return thread;
    });

    private Reconnector() {
    }

    /**
     * @param retry false for the first connection of a run: a broker that is not there at the start is a
     *              configuration error to report at once, not an outage to wait out
     * @return a connected client
     */
    static MqttAsyncClient connect(Supplier<MqttAsyncClient> clients, MqttConnectOptions options,
                                   MqttSettings settings, String clientId, boolean retry) {
        long deadline = System.nanoTime() + settings.reconnectTimeout().toNanos();
        long backoff = FIRST_BACKOFF_MILLIS;
        MqttException last = null;
        while (true) {
            MqttAsyncClient client = clients.get();
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                client.connect(options).waitForCompletion(Math.max(1, Math.min(remainingMillis, MAX_ATTEMPT_MILLIS)));
                return client;
            } catch (MqttException e) {
                last = e;
                log.debug("Connecting {} failed: {}", clientId, MqttOptions.describe(e));
                abandon(client, clientId);
            }
            if (!retry || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) - deadline >= 0) {
                break;
            }
            pause(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
        throw new PublishException("cannot connect to " + settings.url() + " as client " + clientId
                + (retry ? " within " + settings.reconnectTimeout() : "") + ": " + MqttOptions.describe(last), last);
    }

    /**
     * Cuts a client without waiting for the broker, and closes it a little later: closing at once races with
     * Paho's receiver thread, which then dies with a NullPointerException. Never throws.
     */
    static void abandon(MqttAsyncClient client, String clientId) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1, false);
            }
        } catch (MqttException e) {
            log.debug("Forced disconnect of {} failed: {}", clientId, e.toString());
        }
        CLOSER.schedule(() -> close(client, clientId), CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes a client now (at the end of a run, after a polite disconnect); never throws. */
    static void close(MqttAsyncClient client, String clientId) {
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("Closing {} failed: {}", clientId, e.toString());
        }
    }

    /** Backoff between attempts against a broker that is down; not waiting for a condition. */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while reconnecting", e);
        }
    }
}
