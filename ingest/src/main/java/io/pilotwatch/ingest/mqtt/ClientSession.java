package io.pilotwatch.ingest.mqtt;

import io.vertx.core.net.NetSocket;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.Optional;

/** Listen mode's per-connection state; touched on the connection's event loop only. */
final class ClientSession {
    final MqttEndpoint endpoint;
    final NetSocket socket;
    Scope scope = Scope.ALL;
    Optional<String> user = Optional.empty();
    boolean open = true;
    boolean accepted;
    boolean disconnected;
    /** Messages of this client taken and not yet answered, QoS 0 and 1. */
    int inflight;
    /** Whether the bridge stopped reading this client's socket. */
    boolean paused;
    /** A message read but not yet taken: the bridge's in-flight limits were full. */
    MqttPublishMessage waiting;

    ClientSession(MqttEndpoint endpoint, NetSocket socket) {
        this.endpoint = endpoint;
        this.socket = socket;
    }
}
