package io.pilotwatch.telemetry;

/** Keeps error details short: a hostile message must not make the DLQ headers or logs huge. */
final class Text {

    private static final int MAX = 64;

    private Text() {
    }

    static String clip(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= MAX ? value : value.substring(0, MAX) + "...";
    }
}
