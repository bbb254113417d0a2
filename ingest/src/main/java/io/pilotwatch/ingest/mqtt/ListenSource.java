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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttAuth;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttServerOptions;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.vertx.mqtt.messages.codes.MqttPubAckReasonCode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listen mode: the bridge is the MQTT endpoint devices connect to. A QoS 1 publish gets its PUBACK only
 * after Kafka acknowledged the record. Flow control is backpressure, never refusal: when a client has
 * {@code ingest.listen.max.inflight.per.client} messages (QoS 0 and 1) in flight, or the bridge's own in-flight
 * limits are full, the bridge stops reading that client's socket until acknowledgements free room, so TCP slows
 * the client down (MQTT 5 clients are also told the limit as Receive Maximum in CONNACK). What MQTT 3.1.1 cannot
 * refuse politely (a publish outside the credential's scope, QoS 2) closes the connection, so the device notices;
 * MQTT 5 clients get PUBACK reason codes where the protocol has them.
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
    private final PublishScopes scopes;
    private final AtomicInteger connections = new AtomicInteger();
    /** Accepted connections by user name (event loop only). */
    private final Map<String, Integer> connectionsByUser = new HashMap<>();
    /** Clients holding a message that did not fit the bridge's in-flight limits, oldest first (event loop only). */
    private final Deque<ClientSession> waitingForRoom = new ArrayDeque<>();
    private final AtomicInteger pausedClients = new AtomicInteger();
    private MqttListener listener;
    private LoginGate logins;
    private volatile boolean stopping;

    public ListenSource(Vertx vertx, IngestConfig.Listen config, int maxMessageBytes, Forwarder forwarder,
                        IngestMetrics metrics, Clock clock) {
        this(vertx, config, maxMessageBytes, forwarder, metrics, clock, Optional.empty());
    }

    /** @param sparkplug the Sparkplug mapping when Sparkplug is on: scopes then apply to its groups and edge nodes */
    public ListenSource(Vertx vertx, IngestConfig.Listen config, int maxMessageBytes, Forwarder forwarder,
                        IngestMetrics metrics, Clock clock, Optional<SparkplugMapping> sparkplug) {
        this.sparkplug = sparkplug;
        this.scopes = new PublishScopes(sparkplug);
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
        logins = credentials.map(c -> new LoginGate(vertx, c, config.guards(), System::nanoTime)).orElse(null);
        listener = new MqttListener(vertx, options, config, metrics);
        metrics.listenGauges(this, ListenSource::pausedClients, ListenSource::pendingConnections,
                ListenSource::loginHashes);
        return listener.listen(this::onConnect).map(port -> {
            LOG.info("MQTT listener on {}:{} (tls: {}, anonymous: {})", config.host(), port,
                    config.tlsCert().isPresent(), config.anonymous());
            return port;
        });
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return listener.actualPort();
    }

    /** Clients whose socket the bridge is not reading right now. */
    public int pausedClients() {
        return pausedClients.get();
    }

    /** Sockets that have not sent CONNECT yet. */
    public int pendingConnections() {
        return listener == null ? 0 : listener.pending();
    }

    /** Password hashes computed for logins so far. */
    public long loginHashes() {
        return logins == null ? 0 : logins.hashesComputed();
    }

    /** Open device connections (logged in). */
    public int connections() {
        return connections.get();
    }

    private void onConnect(MqttEndpoint endpoint, NetSocket socket) {
        boolean v5 = endpoint.protocolVersion() == MQTT_5;
        ClientSession session = new ClientSession(endpoint, socket);
        endpoint.closeHandler(v -> onClose(session));
        if (stopping) {
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        if (endpoint.auth() == null) {
            if (config.anonymous()) {
                accept(session, Scope.ALL);
            } else {
                refuseLogin(endpoint, "no_credentials", v5);
            }
            return;
        }
        if (logins == null) {
            // Anonymous-only listener: a username cannot be checked, so it is ignored rather than trusted.
            accept(session, Scope.ALL);
            return;
        }
        String username = endpoint.auth().getUsername();
        byte[] password = endpoint.auth().getPassword() == null ? null : endpoint.auth().getPassword().getBytes();
        logins.verify(endpoint.remoteAddress().hostAddress(), username, password).onComplete(result -> {
            if (!session.open) {
                return; // gone while its password was checked
            }
            if (result.failed() && result.cause() instanceof LoginGate.Refused refused) {
                refuseBusy(endpoint, refused.refusal.reason, v5);
            } else if (result.succeeded() && result.result().isPresent()) {
                accept(session, result.result().get());
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

    /** Password checks are at their bound: the device is asked to come back later, nothing was hashed. */
    private void refuseBusy(MqttEndpoint endpoint, String reason, boolean v5) {
        metrics.connectionRefused(reason);
        LOG.warn("Refused {} from {} (user {}): {} (ingest.listen.login.*)", endpoint.clientIdentifier(),
                endpoint.remoteAddress(), endpoint.auth().getUsername(), reason);
        endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
    }

    private void accept(ClientSession session, Scope scope) {
        MqttEndpoint endpoint = session.endpoint;
        boolean v5 = endpoint.protocolVersion() == MQTT_5;
        Optional<String> user = Optional.ofNullable(endpoint.auth()).map(MqttAuth::getUsername);
        int cap = config.guards().maxConnectionsPerUser();
        if (user.isPresent() && connectionsByUser.getOrDefault(user.get(), 0) >= cap) {
            metrics.connectionRefused("max_connections_per_user");
            LOG.warn("Refused {} (user {}): the user already holds {} connections (ingest.listen.max.connections.per.user)",
                    endpoint.clientIdentifier(), user.get(), cap);
            endpoint.reject(v5 ? MqttConnectReturnCode.CONNECTION_REFUSED_QUOTA_EXCEEDED
                    : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE);
            return;
        }
        session.scope = scope;
        session.user = user;
        user.ifPresent(u -> connectionsByUser.merge(u, 1, Integer::sum));
        session.accepted = true;
        connections.incrementAndGet();
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> onPublish(session, message));
        // Devices publish; the bridge offers nothing to subscribe to.
        endpoint.subscribeHandler(subscribe -> endpoint.subscribeAcknowledge(subscribe.messageId(),
                Collections.nCopies(subscribe.topicSubscriptions().size(), MqttQoS.FAILURE)));
        endpoint.unsubscribeHandler(unsubscribe -> endpoint.unsubscribeAcknowledge(unsubscribe.messageId()));
        endpoint.disconnectHandler(v -> session.disconnected = true);
        endpoint.exceptionHandler(e -> LOG.debug("Connection {} error: {}", endpoint.clientIdentifier(), e.toString()));
        if (v5) {
            // Tell MQTT 5 clients up front that QoS 2 is not served and how many messages may be in flight.
            MqttProperties properties = new MqttProperties();
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.MAXIMUM_QOS.value(), 1));
            properties.add(new MqttProperties.IntegerProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value(),
                    config.maxInflightPerClient()));
            endpoint.accept(false, properties);
        } else {
            endpoint.accept(false);
        }
    }

    private void onClose(ClientSession session) {
        session.open = false;
        if (session.paused) {
            session.paused = false;
            pausedClients.decrementAndGet();
        }
        waitingForRoom.remove(session);
        if (!session.accepted) {
            return;
        }
        connections.decrementAndGet();
        session.user.ifPresent(u -> connectionsByUser.computeIfPresent(u, (k, n) -> n > 1 ? n - 1 : null));
        if (!session.disconnected) {
            forwardSparkplugWill(session);
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
        if (!scopes.allows(session.scope, message.topicName())) {
            refusePublish(session, message, "out_of_scope", MqttPubAckReasonCode.NOT_AUTHORIZED);
            return;
        }
        if (!take(session, message)) {
            session.waiting = message;
            waitingForRoom.addLast(session);
            pause(session, "bridge_inflight");
        }
    }

    /**
     * Hands a message to the forwarder, or returns false (nothing taken) if the bridge's in-flight limits are full.
     * At the client's own limit its socket is paused; every answer from Kafka may resume it.
     */
    private boolean take(ClientSession session, MqttPublishMessage message) {
        MqttEndpoint endpoint = session.endpoint;
        int qos = message.qosLevel().value();
        Inbound inbound = new Inbound(message.topicName(), message.payload().getBytes(), qos,
                Optional.of(endpoint.clientIdentifier()), clock.instant(), () -> session.open);
        Future<Void> forwarded = forwarder.forward(inbound);
        if (forwarded.failed() && forwarded.cause() instanceof Forwarder.Overloaded) {
            return false;
        }
        session.inflight++;
        if (session.inflight >= config.maxInflightPerClient()) {
            pause(session, "client_inflight");
        }
        forwarded.onComplete(result -> {
            session.inflight--;
            if (result.succeeded() && qos == 1 && session.open) {
                endpoint.publishAcknowledge(message.messageId());
            }
            admitWaiting();
            resumeIfRoom(session);
        });
        return true;
    }

    /** Room was freed in the bridge's limits: the clients waiting for it take their message, oldest first. */
    private void admitWaiting() {
        while (!waitingForRoom.isEmpty() && !stopping) { // when stopping, the waiting ones are resent after reconnect
            ClientSession next = waitingForRoom.peekFirst();
            if (!take(next, next.waiting)) {
                return;
            }
            waitingForRoom.pollFirst();
            next.waiting = null;
            resumeIfRoom(next);
        }
    }

    private void pause(ClientSession session, String reason) {
        if (!session.paused && session.open) {
            session.paused = true;
            pausedClients.incrementAndGet();
            metrics.paused(reason);
            session.socket.pause();
        }
    }

    private void resumeIfRoom(ClientSession session) {
        if (session.paused && session.open && session.waiting == null
                && session.inflight < config.maxInflightPerClient()) {
            session.paused = false;
            pausedClients.decrementAndGet();
            session.socket.resume();
        }
    }

    /**
     * As a broker would: the connection died without DISCONNECT, so its will is published. Only Sparkplug wills
     * (NDEATH), which end an edge node's session; nobody can resend a will, so it is forwarded once, unacknowledged.
     */
    private void forwardSparkplugWill(ClientSession session) {
        MqttEndpoint endpoint = session.endpoint;
        var will = endpoint.will();
        if (sparkplug.isEmpty() || will == null || !will.isWillFlag() || !SparkplugTopic.isSparkplug(will.getWillTopic())
                || stopping || !scopes.allowsSparkplug(session.scope, will.getWillTopic())) {
            return;
        }
        metrics.received("listen", will.getWillQos());
        forwarder.forward(new Inbound(will.getWillTopic(), will.getWillMessageBytes(), will.getWillQos(),
                Optional.of(endpoint.clientIdentifier()), clock.instant(), () -> true)).onComplete(result -> {
                    if (result.failed()) {
                        LOG.warn("Will of {} on {} not forwarded: {}", endpoint.clientIdentifier(),
                                will.getWillTopic(), result.cause().getMessage());
                    }
                    admitWaiting();
                });
    }

    private void refusePublish(ClientSession session, MqttPublishMessage message, String reason,
                               MqttPubAckReasonCode code) {
        MqttEndpoint endpoint = session.endpoint;
        metrics.refused(reason);
        // The payload is never logged: it may be large or sensitive, and the reason says enough.
        LOG.warn("Refused publish from {} (scope {}) to {} with QoS {}: {}", endpoint.clientIdentifier(),
                session.scope, message.topicName(), message.qosLevel().value(), reason);
        if (endpoint.protocolVersion() == MQTT_5 && message.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
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
        Future<Void> closed = listener == null ? Future.succeededFuture() : listener.close();
        return logins == null ? closed : closed.eventually(() -> logins.close());
    }
}
