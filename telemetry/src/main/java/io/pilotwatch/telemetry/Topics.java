package io.pilotwatch.telemetry;

/** Names of the MQTT topics and Kafka topics of the telemetry contract v1. */
public final class Topics {

    /** MQTT topics start with this prefix: {@code factory/v1/{plant}/{line}/{station}/{kind}}. */
    public static final String MQTT_PREFIX = "factory/v1/";

    /** The MQTT filter that covers every telemetry topic of contract v1. */
    public static final String MQTT_FILTER = "factory/v1/#";

    /** Kafka topic of normalized, valid events; key {@code {plant}/{line}}. */
    public static final String TELEMETRY = "factory.telemetry.v1";

    /** Kafka topic of rejected messages: the original bytes with {@code error.*} headers. */
    public static final String DLQ = "factory.telemetry.dlq.v1";

    private Topics() {
    }
}
