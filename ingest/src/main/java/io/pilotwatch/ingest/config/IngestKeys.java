package io.pilotwatch.ingest.config;

import io.pilotwatch.support.cli.DocumentedKey;
import java.util.List;

/**
 * Every key of the ingest bridge with its default, in the words and order of docs/configuration.md, for
 * {@code --help}. The defaults themselves are applied in {@link IngestConfig#fromMap}: a test compares this table
 * with the keys the service accepts ({@link IngestConfig#KEYS}) and with docs/configuration.md, so that the three
 * cannot drift apart.
 */
public final class IngestKeys {

    public static final List<DocumentedKey> ALL = List.of(
            new DocumentedKey("ingest.mode", "subscribe"),
            new DocumentedKey("ingest.bridge.id", "$HOSTNAME, else ingest-0"),
            new DocumentedKey("kafka.bootstrap.servers", "required"),
            new DocumentedKey("kafka.topic.telemetry", "factory.telemetry.v1"),
            new DocumentedKey("kafka.topic.dlq", "factory.telemetry.dlq.v1"),
            new DocumentedKey("kafka.producer.*", "see below"),
            new DocumentedKey("mqtt.url", "required in subscribe mode"),
            new DocumentedKey("mqtt.username", "none"),
            new DocumentedKey("mqtt.password", "none"),
            new DocumentedKey("mqtt.client.id", "pilotwatch-ingest-{bridge id}"),
            new DocumentedKey("mqtt.topic.filter", "factory/v1/#"),
            new DocumentedKey("mqtt.shared.group", "none"),
            new DocumentedKey("mqtt.connections", "1"),
            new DocumentedKey("mqtt.reconnect.initial.ms", "500"),
            new DocumentedKey("mqtt.reconnect.max.ms", "30000"),
            new DocumentedKey("mqtt.keepalive.seconds", "30"),
            new DocumentedKey("ingest.listen.host", "0.0.0.0"),
            new DocumentedKey("ingest.listen.port", "1883"),
            new DocumentedKey("ingest.listen.anonymous", "false"),
            new DocumentedKey("ingest.listen.credentials.file", "required in listen mode unless anonymous"),
            new DocumentedKey("ingest.listen.tls.cert", "none"),
            new DocumentedKey("ingest.listen.tls.key", "none"),
            new DocumentedKey("ingest.listen.tls.client.ca", "none"),
            new DocumentedKey("ingest.listen.max.connections", "10000"),
            new DocumentedKey("ingest.listen.max.inflight.per.client", "100"),
            new DocumentedKey("ingest.listen.connect.timeout.seconds", "10"),
            new DocumentedKey("ingest.listen.max.idle.seconds", "300"),
            new DocumentedKey("ingest.listen.login.threads", "2"),
            new DocumentedKey("ingest.listen.login.max.pending", "32"),
            new DocumentedKey("ingest.listen.login.rate.per.address", "20"),
            new DocumentedKey("ingest.listen.max.connections.per.user", "100"),
            new DocumentedKey("ingest.max.message.bytes", "65536"),
            new DocumentedKey("ingest.max.inflight.messages", "10000"),
            new DocumentedKey("ingest.max.inflight.bytes", "67108864"),
            new DocumentedKey("http.host", "0.0.0.0"),
            new DocumentedKey("http.port", "8080"),
            new DocumentedKey("ingest.shutdown.grace.seconds", "30"),
            new DocumentedKey("ingest.kafka.stall.timeout.seconds", "60"),
            new DocumentedKey("ingest.kafka.partition.by", "plant"),
            new DocumentedKey("sparkplug.enabled", "false"),
            new DocumentedKey("sparkplug.mapping.file", "required when enabled"),
            new DocumentedKey("sparkplug.topic.filter", "spBv1.0/#"),
            new DocumentedKey("sparkplug.primary.host", "false (passive)"),
            new DocumentedKey("sparkplug.rebirth.interval.seconds", "30"));

    private IngestKeys() {
    }
}
