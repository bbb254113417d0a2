package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.StationId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The record key of {@code factory.telemetry.v1}: {@code {plant}/{line}}. */
public record LineKey(String plant, String line) {

    /** The key, or empty when it is absent or not two valid ids separated by {@code /}. */
    public static Optional<LineKey> parse(byte[] key) {
        if (key == null) {
            return Optional.empty();
        }
        String text = new String(key, StandardCharsets.UTF_8);
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String plant = text.substring(0, slash);
        String line = text.substring(slash + 1);
        return StationId.isValidId(plant) && StationId.isValidId(line)
                ? Optional.of(new LineKey(plant, line)) : Optional.empty();
    }

    /** The key as text, for error details (clipped: it may come from anyone). */
    static String describe(byte[] key) {
        if (key == null) {
            return "none";
        }
        String text = new String(key, StandardCharsets.UTF_8);
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
    }
}
