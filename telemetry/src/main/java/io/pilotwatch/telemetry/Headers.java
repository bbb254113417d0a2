package io.pilotwatch.telemetry;

/** Kafka record header names of the telemetry contract v1. Header values are UTF-8 strings. */
public final class Headers {

    /** The MQTT topic the message arrived on. */
    public static final String MQTT_TOPIC = "mqtt.topic";
    /** The QoS the message arrived with: {@code 0}, {@code 1} or {@code 2}. */
    public static final String MQTT_QOS = "mqtt.qos";
    /** The MQTT client id of the publisher, where the bridge knows it (listen mode). */
    public static final String MQTT_CLIENT = "mqtt.client";
    /** The id of the bridge instance that forwarded the message. */
    public static final String BRIDGE_ID = "bridge.id";
    /** DLQ only: one of {@link RejectReason#wireName()}. */
    public static final String ERROR_REASON = "error.reason";
    /** DLQ only: which field or limit, in words an operator can act on. */
    public static final String ERROR_DETAIL = "error.detail";

    private Headers() {
    }
}
