package io.pilotwatch.simulator.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection (one client id) with a bounded window of unacknowledged messages.
 *
 * <p>At-least-once is ours, not Paho's: the client uses a clean session, and every message stays in
 * {@code inFlight} until its PUBACK arrives. After a connection loss the publishing thread connects a fresh
 * Paho client and sends again what was not acknowledged, in the original order. (A message whose PUBACK was
 * lost reaches subscribers twice, as QoS 1 allows.) Only the publishing thread connects and sends; Paho's
 * threads only record acknowledgements and losses, and each connection has an epoch so that late callbacks
 * of an abandoned client are ignored.
 */
final class MqttConnection {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    private final MqttSettings settings;
    private final String clientId;
    private final MqttConnectOptions options;
    private final IMqttActionListener listener = new DeliveryListener();
    private final Optional<SessionStart> session;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Outgoing> inFlight = new LinkedHashMap<>(); // guarded by lock
    private boolean connected; // guarded by lock
    private long epoch; // guarded by lock
    private MqttAsyncClient client; // publishing thread only
    private long nextId;
    private long losses;
    private long resent;

    /** What Paho hands back to the listener: which message, sent on which connection. */
    private record Attempt(long id, long epoch) {
    }

    MqttConnection(MqttSettings settings, String clientId) {
        this(settings, clientId, Optional.empty());
    }

    /** @param session what every session starts with (Sparkplug: a will and births), if anything */
    MqttConnection(MqttSettings settings, String clientId, Optional<SessionStart> session) {
        this.session = session;
        this.settings = settings;
        this.clientId = clientId;
        this.options = MqttOptions.of(settings);
    }

    /** Connects for the first time. */
    void connect() {
        Optional<SessionStart.Birth> birth = prepareSession();
        client = Reconnector.connect(() -> newClient(0), options, settings, clientId, false);
        birth.ifPresent(this::publishBirths);
        lock.lock();
        try {
            connected = true;
        } finally {
            lock.unlock();
        }
    }

    void publish(Outgoing message, Duration ackTimeout) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        long id;
        long sentOn;
        lock.lock();
        try {
            while (!connected || inFlight.size() >= settings.maxInflight()) {
                if (!connected) {
                    reconnectUnlocked();
                } else if (!changed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                        && System.nanoTime() - deadline >= 0) {
                    throw new PublishException("no acknowledgement from " + settings.url() + " for " + ackTimeout
                            + " (client " + clientId + ", " + inFlight.size() + " messages in flight)");
                }
            }
            id = nextId++;
            inFlight.put(id, message);
            sentOn = epoch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for the broker", e);
        } finally {
            lock.unlock();
        }
        send(id, sentOn, message);
    }

    /** Waits until nothing is in flight, reconnecting and resending as needed. */
    void drain(long deadlineNanos) {
        lock.lock();
        try {
            while (!inFlight.isEmpty()) {
                if (!connected) {
                    reconnectUnlocked();
                } else if (!changed.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)
                        && System.nanoTime() - deadlineNanos >= 0) {
                    throw new PublishException(inFlight.size() + " messages of client " + clientId
                            + " still unacknowledged by " + settings.url() + " when the drain timeout expired");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for acknowledgements", e);
        } finally {
            lock.unlock();
        }
    }

    /** Cuts the connection abruptly, as a network failure would (fault injection), and connects again. */
    void dropAndReconnect() {
        lock.lock();
        try {
            lost(epoch, "fault injection");
            reconnectUnlocked();
        } finally {
            lock.unlock();
        }
    }

    /** Connects again if the connection was lost; otherwise does nothing. */
    void reconnectIfLost() {
        lock.lock();
        try {
            if (!connected) {
                reconnectUnlocked();
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isConnected() {
        lock.lock();
        try {
            return connected;
        } finally {
            lock.unlock();
        }
    }

    long losses() {
        return losses;
    }

    long resent() {
        return resent;
    }

    /** Disconnects politely; never throws. */
    void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(5_000).waitForCompletion(6_000);
            }
        } catch (MqttException e) {
            log.debug("Disconnect of {} failed: {}", clientId, e.toString());
            Reconnector.abandon(client, clientId);
            return;
        }
        Reconnector.close(client, clientId);
    }

    /** Registers the next session's will, if the protocol has one, and returns what to publish first. */
    private Optional<SessionStart.Birth> prepareSession() {
        Optional<SessionStart.Birth> birth = session.map(SessionStart::next);
        birth.ifPresent(b -> options.setWill(b.willTopic(), b.willPayload(), 1, false));
        return birth;
    }

    /** Publishes the births and waits for them, so that no data of the session can overtake them. */
    private void publishBirths(SessionStart.Birth birth) {
        try {
            for (Outgoing message : birth.births()) {
                client.publish(message.topic(), message.payload(), settings.qos(), message.retained())
                        .waitForCompletion(settings.reconnectTimeout().toMillis());
            }
        } catch (MqttException e) {
            throw new PublishException("cannot publish the session's births as client " + clientId + ": "
                    + MqttOptions.describe(e), e);
        }
    }

    private MqttAsyncClient newClient(long clientEpoch) {
        try {
            MqttAsyncClient fresh = new MqttAsyncClient(settings.url(), clientId, new MemoryPersistence());
            fresh.setCallback(new LossListener(clientEpoch));
            return fresh;
        } catch (MqttException | IllegalArgumentException e) {
            throw new PublishException("cannot create an MQTT client for " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    private void send(long id, long sentOn, Outgoing message) {
        try {
            client.publish(message.topic(), message.payload(), settings.qos(), message.retained(),
                    new Attempt(id, sentOn), listener);
        } catch (MqttException e) {
            // The message stays in flight; it is sent again after the reconnect.
            lock.lock();
            try {
                lost(sentOn, MqttOptions.describe(e));
            } finally {
                lock.unlock();
            }
        }
    }

    /** Called with the lock held; releases it while talking to the network. */
    private void reconnectUnlocked() {
        long newEpoch = ++epoch;
        MqttAsyncClient old = client;
        lock.unlock();
        try {
            Reconnector.abandon(old, clientId);
            Optional<SessionStart.Birth> birth = prepareSession();
            client = Reconnector.connect(() -> newClient(newEpoch), options, settings, clientId, true);
            birth.ifPresent(this::publishBirths);
        } finally {
            lock.lock();
        }
        connected = true;
        List<Map.Entry<Long, Outgoing>> unacknowledged = new ArrayList<>(inFlight.entrySet());
        lock.unlock();
        try {
            for (Map.Entry<Long, Outgoing> entry : unacknowledged) {
                resent++;
                send(entry.getKey(), newEpoch, entry.getValue());
            }
        } finally {
            lock.lock();
        }
        log.info("Client {} reconnected and resent {} unacknowledged messages", clientId, unacknowledged.size());
    }

    /** Called with the lock held. */
    private void lost(long sentOn, String cause) {
        if (sentOn == epoch && connected) {
            connected = false;
            losses++;
            log.warn("Client {} lost its connection to {}: {}", clientId, settings.url(), cause);
        }
        changed.signalAll();
    }

    private void lostFromCallback(long sentOn, Throwable cause) {
        lock.lock();
        try {
            lost(sentOn, cause == null ? "no reason given" : cause.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** Paho calls it on its callback thread when a PUBACK arrives (QoS 1) or the message is written (QoS 0). */
    private final class DeliveryListener implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            Attempt attempt = (Attempt) token.getUserContext();
            lock.lock();
            try {
                if (inFlight.remove(attempt.id()) != null) {
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            lostFromCallback(((Attempt) token.getUserContext()).epoch(), exception);
        }
    }

    /** Connection losses of one Paho client, tagged with the epoch it was created for. */
    private final class LossListener implements MqttCallback {
        private final long clientEpoch;

        LossListener(long clientEpoch) {
            this.clientEpoch = clientEpoch;
        }

        @Override
        public void connectionLost(Throwable cause) {
            lostFromCallback(clientEpoch, cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // The simulator subscribes to nothing.
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Acknowledgements are handled per message by the DeliveryListener.
        }
    }
}
