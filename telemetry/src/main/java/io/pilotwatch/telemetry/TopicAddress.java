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
        // Split by hand: the bridge parses every message's topic, and String.split allocates a list and an array.
        int segments = 1;
        for (int i = 0; i < topic.length(); i++) {
            segments += topic.charAt(i) == '/' ? 1 : 0;
        }
        if (segments != SEGMENTS) {
            throw new Invalid(RejectReason.BAD_TOPIC,
                    "topic must be factory/v1/{plant}/{line}/{station}/{kind}, got " + segments
                            + " segments in '" + Text.clip(topic) + "'");
        }
        String[] ids = new String[3];
        int start = Topics.MQTT_PREFIX.length();
        for (int i = 0; i < ids.length; i++) {
            int end = topic.indexOf('/', start);
            ids[i] = topic.substring(start, end);
            start = end + 1;
        }
        String[] names = {"plant", "line", "station"};
        for (int i = 0; i < names.length; i++) {
            if (!StationId.isValidId(ids[i])) {
                throw new Invalid(RejectReason.BAD_TOPIC, names[i] + " id '" + Text.clip(ids[i])
                        + "' in the topic must match " + StationId.ID_PATTERN.pattern());
            }
        }
        String kindName = topic.substring(start);
        Kind kind = Kind.fromWireName(kindName).orElseThrow(() -> new Invalid(RejectReason.UNKNOWN_KIND,
                "kind '" + Text.clip(kindName) + "' is not one of unit, profile, state, cost"));
        return new TopicAddress(new StationId(ids[0], ids[1], ids[2]), kind);
    }
}
