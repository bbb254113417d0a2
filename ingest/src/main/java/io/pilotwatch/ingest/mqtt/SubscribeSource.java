package io.pilotwatch.ingest.mqtt;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.forward.Forwarder;
import io.pilotwatch.ingest.forward.Inbound;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.JksOptions;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribe mode: one persistent-session MQTT connection to an existing broker. Each message is
 * acknowledged (PUBACK) only after Kafka acknowledged its record; until then the broker keeps it, and
 * redelivers it if this connection dies. The broker's in-flight window is the backpressure: it sends no
 * more unacknowledged messages than its window allows.
 */
public final class SubscribeSource {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeSource.class);
    /** Larger than any valid message, so that an oversized one reaches the DLQ instead of breaking the link. */
    private static final int MAX_WIRE_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final Vertx vertx;
    private final IngestConfig.Subscribe config;
    private final String clientId;
    private final Forwarder forwarder;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Backoff backoff;
    private final Optional<String> sparkplugFilter;
    private MqttClient client;
    /** Bumped on every (re)connect: acks for messages of an older connection are pointless. */
    private int generation;
    private boolean stopping;
    private boolean subscribed;

    public SubscribeSource(Vertx vertx, IngestConfig.Subscribe config, int index, Forwarder forwarder,
                           IngestMetrics metrics, Clock clock) {
        this(vertx, config, index, forwarder, metrics, clock, Optional.empty());
    }

    /**
     * @param sparkplugFilter also subscribed, never as a shared subscription: a Sparkplug host must see every
     *                        message of an edge node, in order (give it to one connection only)
     */
    public SubscribeSource(Vertx vertx, IngestConfig.Subscribe config, int index, Forwarder forwarder,
                           IngestMetrics metrics, Clock clock, Optional<String> sparkplugFilter) {
        this.sparkplugFilter = sparkplugFilter;
        this.vertx = vertx;
        this.config = config;
        this.clientId = config.connections() == 1 ? config.clientId() : config.clientId() + "-" + index;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax());
    }

    /** Starts connecting; reconnects by itself until {@link #disconnect()}. Never fails. */
    public void start() {
        connect();
    }

    /** True while connected and subscribed. */
    public boolean isReady() {
        return client != null && client.isConnected() && subscribed;
    }

    private MqttClientOptions options() {
        MqttClientOptions options = new MqttClientOptions();
        options.setAutoAck(false);
        options.setClientId(clientId)
                .setCleanSession(false)
                .setKeepAliveInterval(config.keepAliveSeconds())
                .setMaxMessageSize(MAX_WIRE_MESSAGE_BYTES);
        config.username().ifPresent(options::setUsername);
        config.password().ifPresent(options::setPassword);
        if ("ssl".equals(config.url().getScheme())) {
            // Vert.x 5 refuses TLS without a host name check; HTTPS rules check the broker's certificate names its host.
            options.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
            trustStore().ifPresent(options::setTrustOptions);
        }
        return options;
    }

    private static Optional<JksOptions> trustStore() {
        // The JVM's default trust store applies unless javax.net.ssl.trustStore names another one.
        String path = System.getProperty("javax.net.ssl.trustStore");
        if (path == null) {
            return Optional.empty();
        }
        return Optional.of(new JksOptions().setPath(path)
                .setPassword(System.getProperty("javax.net.ssl.trustStorePassword", "changeit")));
    }

    private void connect() {
        if (stopping) {
            return;
        }
        client = MqttClient.create(vertx, options());
        MqttClient current = client;
        int myGeneration = ++generation;
        subscribed = false;
        current.publishHandler(message -> onMessage(current, myGeneration, message));
        current.closeHandler(v -> onClosed(myGeneration));
        current.exceptionHandler(e -> LOG.debug("MQTT connection {} error: {}", clientId, e.toString()));
        Map<String, Integer> filters = new LinkedHashMap<>();
        filters.put(config.subscription(), MqttQoS.AT_LEAST_ONCE.value());
        sparkplugFilter.ifPresent(filter -> filters.put(filter, MqttQoS.AT_LEAST_ONCE.value()));
        // Ready only once the broker granted every filter at QoS 1 (SUBACK), not when SUBSCRIBE was sent.
        current.subscribeCompletionHandler(subAck -> onSubAck(current, myGeneration, List.copyOf(filters.keySet()),
                subAck.grantedQoSLevels()));
        current.connect(IngestConfig.portOf(config.url()), config.url().getHost())
                .compose(connAck -> {
                    LOG.info("Connected to {} as {} (session present: {})", config.url(), clientId,
                            connAck.isSessionPresent());
                    return current.subscribe(filters);
                })
                .onFailure(e -> {
                    LOG.warn("Cannot connect to {} as {}: {}", config.url(), clientId, e.getMessage());
                    if (current.isConnected()) {
                        current.disconnect();
                    } else {
                        scheduleReconnect(myGeneration);
                    }
                });
    }

    /**
     * A refused filter (0x80 or above) would be a silent stall, and one granted at QoS 0 silent at-most-once: either
     * keeps the connection not ready, and it is closed and made again with backoff (the broker's ACL or
     * {@code max_qos} may change), each time logged with the filter and the code.
     */
    private void onSubAck(MqttClient origin, int subAckGeneration, List<String> filters, List<Integer> granted) {
        if (subAckGeneration != generation) {
            return;
        }
        List<String> problems = SubAcks.problems(filters, granted);
        if (problems.isEmpty()) {
            subscribed = true;
            backoff.reset();
            LOG.info("Subscribed {} to {}", clientId, String.join(" and ", filters));
            return;
        }
        LOG.warn("The broker at {} did not grant {} QoS 1 ({}): not ready; subscribing again after a backoff",
                config.url(), clientId, String.join("; ", problems));
        origin.disconnect();
    }

    private void onClosed(int closedGeneration) {
        subscribed = false;
        if (!stopping) {
            LOG.warn("MQTT connection {} to {} closed; reconnecting", clientId, config.url());
        }
        scheduleReconnect(closedGeneration);
    }

    private void scheduleReconnect(int failedGeneration) {
        if (stopping || failedGeneration != generation) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        vertx.setTimer(delay, id -> {
            if (failedGeneration == generation) {
                metrics.reconnect();
                connect();
            }
        });
    }

    private void onMessage(MqttClient origin, int messageGeneration, MqttPublishMessage message) {
        if (stopping) {
            return; // not acknowledged: the broker redelivers it to the next session
        }
        int qos = message.qosLevel().value();
        metrics.received("subscribe", qos);
        Inbound inbound = new Inbound(message.topicName(), message.payload().getBytes(), qos, Optional.empty(),
                clock.instant(), () -> messageGeneration == generation && origin.isConnected());
        forwarder.forward(inbound).onComplete(result -> {
            if (result.succeeded()) {
                if (qos > 0 && messageGeneration == generation && origin.isConnected()) {
                    message.ack();
                }
            } else if (result.cause() instanceof Forwarder.Overloaded) {
                if (qos == 0) {
                    metrics.dropped("inflight_full");
                } else {
                    // Not acking is not enough: the broker redelivers only after a reconnect.
                    metrics.refused("inflight_full");
                    LOG.warn("In-flight limit full; reconnecting {} so that the broker redelivers", clientId);
                    origin.disconnect();
                }
            }
        });
    }

    /**
     * Publishes a command (a Sparkplug rebirth request) at QoS 0, as the specification asks of commands.
     *
     * @return fails if the connection is down; the caller may ask again later
     */
    public Future<Void> publishCommand(String topic, byte[] payload) {
        if (client == null || !client.isConnected()) {
            return Future.failedFuture("not connected to " + config.url());
        }
        return client.publish(topic, Buffer.buffer(payload), MqttQoS.AT_MOST_ONCE, false, false).mapEmpty();
    }

    /** Stops taking new messages; those in flight still get their acknowledgement. */
    public void stopIntake() {
        stopping = true;
    }

    /** Disconnects; unacknowledged messages stay with the broker's persistent session. */
    public Future<Void> disconnect() {
        stopping = true;
        Promise<Void> done = Promise.promise();
        if (client != null && client.isConnected()) {
            client.disconnect().onComplete(r -> done.complete());
        } else {
            done.complete();
        }
        return done.future();
    }
}
