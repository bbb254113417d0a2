package io.pilotwatch.testkit;

import java.util.Map;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one JVM) listening on 127.0.0.1,
 * with replication factors of 1 and topic auto-creation enabled.
 */
public interface KafkaBroker extends Broker {

    /** The bootstrap address for clients, e.g. {@code 127.0.0.1:40123}; stable across restarts. */
    String bootstrapServers();

    /**
     * A new mutable map holding only {@code bootstrap.servers}, to which a test adds its own
     * producer, consumer or admin settings.
     */
    Map<String, Object> clientConfig();

    /**
     * Creates a topic with the given number of partitions and replication factor 1, and waits
     * until the broker confirms it. Does nothing if the topic exists (even with another partition
     * count).
     *
     * @throws BrokerException if the broker rejects the request or does not answer within the
     *     start timeout
     */
    void createTopic(String name, int partitions);
}
