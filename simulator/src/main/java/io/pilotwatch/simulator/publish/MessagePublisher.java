package io.pilotwatch.simulator.publish;

import java.time.Duration;

/** Sends messages somewhere: an MQTT broker, or nowhere for a dry run. Used from one thread. */
public interface MessagePublisher extends AutoCloseable {

    /**
     * Opens the connections.
     *
     * @throws PublishException if the broker cannot be reached
     */
    void connect();

    /**
     * Publishes one message; blocks while the in-flight window is full.
     *
     * @throws PublishException if the broker stays unreachable longer than the reconnect timeout
     */
    void publish(Outgoing message);

    /**
     * Waits until every message published so far is acknowledged (QoS 1) or written (QoS 0).
     *
     * @throws PublishException if that does not happen within {@code timeout}
     */
    void drain(Duration timeout);

    /** Connection drops so far (injected or not). */
    long connectionLosses();

    /** Messages sent again after a connection loss because their acknowledgement had not arrived. */
    long resent();

    /** Disconnects; never throws. */
    @Override
    void close();

    /** A publisher for {@code --dry-run}: drops everything. */
    static MessagePublisher none() {
        return new MessagePublisher() {
            @Override
            public void connect() {
            }

            @Override
            public void publish(Outgoing message) {
            }

            @Override
            public void drain(Duration timeout) {
            }

            @Override
            public long connectionLosses() {
                return 0;
            }

            @Override
            public long resent() {
                return 0;
            }

            @Override
            public void close() {
            }
        };
    }
}
