package io.pilotwatch.telemetry;

/**
 * The closed set of reasons why a message is rejected. The wire name is the value of the
 * {@code error.reason} header on the DLQ; {@code docs/telemetry.md} documents each one.
 */
public enum RejectReason {
    /** The MQTT topic is not {@code factory/v1/{plant}/{line}/{station}/{kind}} with valid ids. */
    BAD_TOPIC("bad_topic"),
    /** The topic's last segment is not a known kind. */
    UNKNOWN_KIND("unknown_kind"),
    /** The payload is larger than the configured limit (64 KiB by default). */
    TOO_LARGE("too_large"),
    /** The payload is not one well-formed UTF-8 JSON document (or repeats a field). */
    BAD_JSON("bad_json"),
    /** The payload is not a JSON object, or a field has the wrong JSON type. */
    BAD_TYPE("bad_type"),
    /** A required field is absent or null. */
    MISSING_FIELD("missing_field"),
    /** A number or time is outside its allowed range (e.g. negative seq, completedAt before startedAt). */
    OUT_OF_RANGE("out_of_range"),
    /** A string is not one of the allowed values or does not match its format (e.g. currency, timestamp). */
    BAD_VALUE("bad_value");

    private final String wireName;

    RejectReason(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used in the {@code error.reason} header and in metrics labels. */
    public String wireName() {
        return wireName;
    }
}
