package io.pilotwatch.telemetry;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed MQTT telemetry topic {@code factory/v1/{plant}/{line}/{station}/{kind}}.
 *
 * @param station the station the topic names
 * @param kind    the message kind the topic names
 */
public record TopicAddress(StationId station, Kind kind) {

    private static final int SEGMENTS = 6;

    public TopicAddress {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(kind, "kind");
    }

    /** The topic, or empty if it is not a valid contract v1 telemetry topic. */
    public static Optional<TopicAddress> tryParse(String topic) {
        try {
            return Optional.of(parse(topic));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    /** Parses or throws {@link Invalid} with {@code bad_topic} or {@code unknown_kind}. */
    static TopicAddress parse(String topic) {
        if (topic == null || !topic.startsWith(Topics.MQTT_PREFIX)) {
            throw new Invalid(RejectReason.BAD_TOPIC,
                    "topic must start with '" + Topics.MQTT_PREFIX + "', got '" + Text.clip(topic) + "'");
        }
        String[] parts = topic.split("/", -1);
        if (parts.length != SEGMENTS) {
            throw new Invalid(RejectReason.BAD_TOPIC,
                    "topic must be factory/v1/{plant}/{line}/{station}/{kind}, got " + parts.length
                            + " segments in '" + Text.clip(topic) + "'");
        }
        String[] names = {"plant", "line", "station"};
        for (int i = 0; i < names.length; i++) {
            if (!StationId.isValidId(parts[i + 2])) {
                throw new Invalid(RejectReason.BAD_TOPIC, names[i] + " id '" + Text.clip(parts[i + 2])
                        + "' in the topic must match " + StationId.ID_PATTERN.pattern());
            }
        }
        Kind kind = Kind.fromWireName(parts[5]).orElseThrow(() -> new Invalid(RejectReason.UNKNOWN_KIND,
                "kind '" + Text.clip(parts[5]) + "' is not one of unit, profile, state, cost"));
        return new TopicAddress(new StationId(parts[2], parts[3], parts[4]), kind);
    }
}
