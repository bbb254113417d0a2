package io.pilotwatch.testkit;

/**
 * A Mosquitto broker listening on 127.0.0.1 with anonymous access and persistence: persistent
 * sessions and their queued QoS 1/2 messages survive {@link #stop()} and {@link #restart()}.
 * The queue per client has no limit, so an offline session can hold any backlog.
 */
public interface MqttBroker extends Broker {

    /** The address for MQTT clients, e.g. {@code tcp://127.0.0.1:40123}; stable across restarts. */
    String url();

    /** The host the broker listens on: {@code 127.0.0.1}. */
    String host();

    /** The TCP port the broker listens on; stable across restarts. */
    int port();
}
