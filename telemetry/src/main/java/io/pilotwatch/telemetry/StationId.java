package io.pilotwatch.telemetry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a station: plant, line and station ids, each matching {@link #ID_PATTERN}.
 *
 * @param plant   the pilot plant id
 * @param line    the production line id within the plant
 * @param station the station id within the line
 */
public record StationId(String plant, String line, String station) {

    /** Every id in topics: lower-case letters, digits, {@code _} and {@code -}, 1 to 64 characters. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public StationId {
        requireId("plant", plant);
        requireId("line", line);
        requireId("station", station);
    }

    /** True if {@code id} is a valid plant, line or station id (matches {@link #ID_PATTERN}). */
    public static boolean isValidId(String id) {
        // The pattern spelled out: every decode checks six ids, and a regex match costs more than the rest of them.
        if (id == null || id.isEmpty() || id.length() > 64 || !isLowerCaseLetterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!isLowerCaseLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerCaseLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The Kafka record key {@code {plant}/{line}}: one line's events stay in one partition, in order. */
    public String kafkaKey() {
        return plant + "/" + line;
    }

    /** The MQTT topic this station publishes {@code kind} messages on. */
    public String mqttTopic(Kind kind) {
        return Topics.MQTT_PREFIX + plant + "/" + line + "/" + station + "/" + kind.wireName();
    }

    private static void requireId(String name, String value) {
        Objects.requireNonNull(value, name);
        if (!isValidId(value)) {
            throw new IllegalArgumentException(name + " id '" + value + "' does not match " + ID_PATTERN);
        }
    }
}
