package io.pilotwatch.telemetry;

import java.util.Optional;

/** The message kinds of contract v1; the last segment of the MQTT topic. */
public enum Kind {
    /** One finished product at the line's end. */
    UNIT("unit"),
    /** A station's birth certificate, published retained. */
    PROFILE("profile"),
    /** A change of the station's machine state. */
    STATE("state"),
    /** An operating cost booked against the station. */
    COST("cost");

    private final String wireName;

    Kind(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in topics and in the normalized {@code kind} field. */
    public String wireName() {
        return wireName;
    }

    /** The kind with this wire name, or empty if there is none (case-sensitive). */
    public static Optional<Kind> fromWireName(String name) {
        for (Kind kind : values()) {
            if (kind.wireName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
