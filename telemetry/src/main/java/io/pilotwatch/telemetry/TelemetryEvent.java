package io.pilotwatch.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated telemetry message.
 *
 * @param station    who sent it (from the MQTT topic, or from the normalized record)
 * @param seq        per-station sequence number, +1 per message; restarts when {@code boot} changes
 * @param boot       the station's boot number (0 when the device does not send one)
 * @param ts         event time
 * @param receivedAt when the bridge received it; empty until the bridge normalizes the message
 * @param payload    the kind-specific fields
 * @param extra      fields the contract does not define, kept as they came, in order
 */
public record TelemetryEvent(StationId station, long seq, long boot, Instant ts,
                             Optional<Instant> receivedAt, Payload payload, Map<String, JsonNode> extra) {

    public TelemetryEvent {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(extra, "extra");
        // Most events have no unknown fields: no copy for them (every decode makes one event).
        extra = extra.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        if (seq < 0 || boot < 0) {
            throw new IllegalArgumentException("seq and boot must be >= 0");
        }
    }

    /** The kind of this event, taken from its payload. */
    public Kind kind() {
        return payload.kind();
    }

    /** The same event stamped with the bridge's receive time. */
    public TelemetryEvent withReceivedAt(Instant instant) {
        return new TelemetryEvent(station, seq, boot, ts, Optional.of(instant), payload, extra);
    }
}
