package io.pilotwatch.ingest.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.pilotwatch.ingest.config.IngestConfig;
import io.pilotwatch.ingest.forward.Forwarder;
import io.pilotwatch.ingest.forward.Inbound;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.ingest.sparkplug.SparkplugMapping;
import io.pilotwatch.ingest.sparkplug.SparkplugTopic;
import io.pilotwatch.telemetry.TopicAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServer;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listen mode: the bridge is the MQTT endpoint devices connect to. A QoS 1 publish gets its PUBACK only
 * after Kafka acknowledged the record. What MQTT 3.1.1 cannot refuse politely (a publish outside the
 * credential's scope, QoS 2, a client over its in-flight limit) closes the connection, so the device
 * notices; MQTT 5 clients get PUBACK reason codes where the protocol has them.
 */
public final class ListenSource {

    private static final Logger LOG = LoggerFactory.getLogger(ListenSource.class);
    private static final int MQTT_5 = 5;

    private final Vertx vertx;
    private final IngestConfig.Listen config;
    private final int maxMessageBytes;
    private final Optional<Credentials> credentials;
    private final Forwarder forwarder;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final Optional<SparkplugMapping> sparkplug;
    private final AtomicInteger connections = new AtomicInteger();
    private MqttServer server;
    private volatile boolean stopping;

    public ListenSource(Vertx vertx, IngestConfig.Listen config, int maxMessageBytes, Forwarder forwarder,
                        IngestMetrics metrics, Clock clock) {
        this(vertx, config, maxMessageBytes, forwarder, metrics, clock, Optional.empty());
    }

    /** @param sparkplug the Sparkplug mapping when Sparkplug is on: scopes then apply to its groups and edge nodes */
    public ListenSource(Vertx vertx, IngestConfig.Listen config, int maxMessageBytes, Forwarder forwarder,
                        IngestMetrics metrics, Clock clock, Optional<SparkplugMapping> sparkplug) {
        this.sparkplug = sparkplug;
        this.vertx = vertx;
        this.config = config;
        this.maxMessageBytes = maxMessageBytes;
        this.credentials = config.credentialsFile().map(Credentials::load);
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts listening; fails if the port cannot be bound or TLS files are unusable. */
    public Future<Integer> start() {
        MqttServerOptions options = new MqttServerOptions().setHost(config.host()).setPort(config.port())
                // Room above the contract's limit, so that an oversized message reaches the DLQ as too_large.
                .setMaxMessageSize(Math.max(4 * maxMessageBytes, 1024 * 1024));
        if (config.tlsCert().isPresent()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.tlsCert().get().toString()).setKeyPath(config.tlsKey().orElseThrow().toString()));
            config.tlsClientCa().ifPresent(ca -> options
                    .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                    .setClientAuth(ClientAuth.REQUIRED));
        }
        server = MqttServer.create(vertx, options);
        server.endpointHandler(this::onConnect);
        server.exceptionHandler(e -> LOG.debug("MQTT listener error: {}", e.toString()));
        return server.listen().map(s -> {
            LOG.info("MQTT listener on {}:{} (tls: {}, anonymous: {})", config.host(), s.actualPort(),
                    config.tlsCert().isPresent(), config.anonymous());
            return s.actualPort();
        });
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return server.actualPort();
    }

    /** Open device connections. */
    public int connections() {
        return connections.get();
    }

    private void onConnect(MqttEndpoint endpoint) {
        boolean v5 = endpoint.protocolVersion() == MQTT_5;
        if (stopping) {
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (connections.get() >= config.maxConnections()) {
            metrics.connectionRefused("max_connections");
            LOG.warn("Refused {}: {} connections is the limit", endpoint.clientIdentifier(), config.maxConnections());
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (endpoint.auth() == null) {
            if (config.anonymous()) {
                accept(endpoint, Scope.ALL);
            } else {
                refuseLogin(endpoint, "no_credentials", v5);
            }
            return;
        }
        if (credentials.isEmpty()) {
            // Anonymous-only listener: a username cannot be checked, so it is ignored rather than trusted.
            accept(endpoint, Scope.ALL);
            return;
        }
        String username = endpoint.auth().getUsername();
        byte[] password = endpoint.auth().getPassword() == null ? null : endpoint.auth().getPassword().getBytes();
        vertx.executeBlocking(() -> credentials.get().verify(username, password), false).onComplete(result -> {
            if (result.succeeded() && result.result().isPresent()) {
                accept(endpoint, result.result().get());
            } else {
                refuseLogin(endpoint, "bad_credentials", v5);
            }
        });
    }

    private void refuseLogin(MqttEndpoint endpoint, String reason, boolean v5) {
        metrics.connectionRefused(reason);
        LOG.warn("Refused {} ({}): {}", endpoint.clientIdentifier(), endpoint.auth() == null ? "no username"
                : "user " + endpoint.auth().getUsername(), reason);
        endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }

    private void accept(MqttEndpoint endpoint, Scope scope) {
        connections.incrementAndGet();
        ClientSession session = new ClientSession(endpoint, scope);
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> onPublish(session, message));
        // Devices publish; the bridge offers nothing to subscribe to.
        endpoint.subscribeHandler(subscribe -> endpoint.subscribeAcknowledge(subscribe.messageId(),
                Collections.nCopies(subscribe.topicSubscriptions().size(), MqttQoS.FAILURE)));
        endpoint.unsubscribeHandler(unsubscribe -> endpoint.unsubscribeAcknowledge(unsubscribe.messageId()));
        endpoint.disconnectHandler(v -> session.disconnected = true);
        endpoint.closeHandler(v -> {
            session.open = false;
            connections.decrementAndGet();
            if (!session.disconnected) {
                forwardSparkplugWill(session);
            }
        });
        endpoint.exceptionHandler(e -> LOG.debug("Connection {} error: {}", endpoint.clientIdentifier(), e.toString()));
        if (endpoint.protocolVersion() == MQTT_5) {
            // Tell MQTT 5 clients up front that QoS 2 is not served.
            MqttProperties properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_QOS.value(), 1));
            endpoint.accept(false, properties);
        } else {
            endpoint.accept(false);
        }
    }

    /** Per-connection state. */
    private static final class ClientSession {
        final MqttEndpoint endpoint;
        final Scope scope;
        volatile boolean open = true;
        boolean disconnected;
        int inflight;

        ClientSession(MqttEndpoint endpoint, Scope scope) {
            this.endpoint = endpoint;
            this.scope = scope;
        }
    }

    private void onPublish(ClientSession session, MqttPublishMessage message) {
        MqttEndpoint endpoint = session.endpoint;
        int qos = message.qosLevel().value();
        metrics.received("listen", qos);
        if (stopping) {
            return; // not acknowledged: the device resends it after reconnecting
        }
        if (qos == 2) {
            metrics.refused("qos2_unsupported");
            LOG.warn("Refused QoS 2 publish from {} to {}: QoS 2 is not supported, use QoS 1",
                    endpoint.clientIdentifier(), message.topicName());
            if (endpoint.protocolVersion() == MQTT_5) {
                endpoint.disconnect(MqttDisconnectReasonCode.QOS_NOT_SUPPORTED, MqttProperties.NO_PROPERTIES);
            } else {
                endpoint.close(); // MQTT 3.1.1 has no way to refuse a single publish
            }
            return;
        }
        if (!inScope(session.scope, message.topicName())) {
            refusePublish(session, message, "out_of_scope", MqttPubAckReasonCode.NOT_AUTHORIZED);
            return;
        }
        if (qos == 1 && session.inflight >= config.maxInflightPerClient()) {
            refusePublish(session, message, "client_inflight_full", MqttPubAckReasonCode.QUOTA_EXCEEDED);
            return;
        }
        session.inflight += qos;
        Inbound inbound = new Inbound(message.topicName(), message.payload().getBytes(), qos,
                Optional.of(endpoint.clientIdentifier()), clock.instant(), () -> session.open);
        forwarder.forward(inbound).onComplete(result -> {
            session.inflight -= qos;
            if (result.succeeded()) {
                if (qos == 1 && session.open) {
                    endpoint.publishAcknowledge(message.messageId());
                }
            } else if (result.cause() instanceof Forwarder.Overloaded) {
                if (qos == 0) {
                    metrics.dropped("inflight_full");
                } else {
                    refusePublish(session, message, "inflight_full", MqttPubAckReasonCode.QUOTA_EXCEEDED);
                }
            }
        });
    }

    /**
     * As a broker would: the connection died without DISCONNECT, so its will is published. Only Sparkplug wills
     * (NDEATH), which end an edge node's session; nobody can resend a will, so it is forwarded once, unacknowledged.
     */
    private void forwardSparkplugWill(ClientSession session) {
        MqttEndpoint endpoint = session.endpoint;
        var will = endpoint.will();
        if (sparkplug.isEmpty() || will == null || !will.isWillFlag() || !SparkplugTopic.isSparkplug(will.getWillTopic())
                || stopping || !inSparkplugScope(session.scope, will.getWillTopic())) {
            return;
        }
        metrics.received("listen", will.getWillQos());
        forwarder.forward(new Inbound(will.getWillTopic(), will.getWillMessageBytes(), will.getWillQos(),
                Optional.of(endpoint.clientIdentifier()), clock.instant(), () -> true)).onFailure(e ->
                LOG.warn("Will of {} on {} not forwarded: {}", endpoint.clientIdentifier(), will.getWillTopic(),
                        e.getMessage()));
    }

    /** Whether a credential of {@code scope} may publish to {@code topic}; topics that do not parse go to the DLQ. */
    private boolean inScope(Scope scope, String topic) {
        if (scope.equals(Scope.ALL)) {
            return true; // the common case needs no parsing: the codec parses the topic once more anyway
        }
        Optional<TopicAddress> address = TopicAddress.tryParse(topic);
        return (address.isEmpty() || scope.allows(address.get().station()))
                && (sparkplug.isEmpty() || inSparkplugScope(scope, topic));
    }

    /**
     * A credential's plant is the plant the Sparkplug group maps to, its line the edge node's. Topics that do
     * not parse are let through to the DLQ, as for the JSON contract.
     */
    private boolean inSparkplugScope(Scope scope, String topic) {
        if (!SparkplugTopic.isSparkplug(topic) || scope.equals(Scope.ALL)) {
            return true;
        }
        SparkplugTopic parsed;
        try {
            parsed = SparkplugTopic.parse(topic);
        } catch (IllegalArgumentException e) {
            return true;
        }
        Optional<String> plant = sparkplug.get().plantOf(parsed.group());
        Optional<String> line = sparkplug.get().lineOf(parsed.group(), parsed.edgeNode());
        return scope.plant().map(p -> plant.map(p::equals).orElse(false)).orElse(true)
                && scope.line().map(l -> line.map(l::equals).orElse(false)).orElse(true);
    }

    private void refusePublish(ClientSession session, MqttPublishMessage message, String reason,
                               MqttPubAckReasonCode code) {
        MqttEndpoint endpoint = session.endpoint;
        metrics.refused(reason);
        // The payload is never logged: it may be large or sensitive, and the reason says enough.
        LOG.warn("Refused publish from {} (scope {}) to {} with QoS {}: {}", endpoint.clientIdentifier(),
                session.scope, message.topicName(), message.qosLevel().value(), reason);
        if (endpoint.protocolVersion() == MQTT_5 && message.qosLevel() == MqttQoS.AT_LEAST_ONCE
                && !reason.equals("inflight_full")) {
            endpoint.publishAcknowledge(message.messageId(), code, MqttProperties.NO_PROPERTIES);
        } else if (session.open) {
            endpoint.close();
        }
    }

    /** Refuses new connections and publishes; in-flight ones still get their acknowledgement. */
    public void stopIntake() {
        stopping = true;
    }

    /** Closes the listener and every connection. */
    public Future<Void> close() {
        stopping = true;
        return server == null ? Future.succeededFuture() : server.close();
    }
}
