package io.pilotwatch.ingest.mqtt;

import io.pilotwatch.telemetry.StationId;
import java.util.Optional;

/**
 * What a credential may publish: every plant ({@code *}), one plant, or one line of one plant.
 *
 * @param plant the plant, or empty for every plant
 * @param line  the line, or empty for every line of the plant
 */
public record Scope(Optional<String> plant, Optional<String> line) {

    public static final Scope ALL = new Scope(Optional.empty(), Optional.empty());

    /** Parses {@code *}, {@code plant} or {@code plant/line}; empty if malformed. */
    public static Optional<Scope> parse(String text) {
        if (text.equals("*")) {
            return Optional.of(ALL);
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2 || !StationId.isValidId(parts[0]) || (parts.length == 2 && !StationId.isValidId(parts[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Scope(Optional.of(parts[0]), parts.length == 2 ? Optional.of(parts[1]) : Optional.empty()));
    }

    /** True if a station may be published for under this scope. */
    public boolean allows(StationId station) {
        return plant.map(station.plant()::equals).orElse(true) && line.map(station.line()::equals).orElse(true);
    }

    @Override
    public String toString() {
        return plant.map(p -> p + line.map(l -> "/" + l).orElse("")).orElse("*");
    }
}
