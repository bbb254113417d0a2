package io.pilotwatch.ingest.forward;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One MQTT message as a source received it.
 *
 * @param mqttTopic   the topic it was published on
 * @param payload     the raw bytes
 * @param qos         0, 1 or 2
 * @param client      the publisher's client id, where known (listen mode)
 * @param receivedAt  when the bridge received it
 * @param stillWanted false once resending it is pointless because its sender will redeliver it anyway
 *                    (the connection it came on is closed): stops Kafka retries
 */
public record Inbound(String mqttTopic, byte[] payload, int qos, Optional<String> client, Instant receivedAt,
                      BooleanSupplier stillWanted) {
}
