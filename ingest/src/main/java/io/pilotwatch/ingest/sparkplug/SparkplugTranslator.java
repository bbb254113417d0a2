package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.ingest.forward.Inbound;
import io.pilotwatch.ingest.forward.RecordTranslator;
import io.pilotwatch.ingest.metrics.IngestMetrics;
import io.pilotwatch.telemetry.DecodeResult;
import io.pilotwatch.telemetry.Headers;
import io.pilotwatch.telemetry.TelemetryCodec;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sparkplug B messages to records: the host's events, each checked by the contract's own codec (so a
 * Sparkplug event is valid exactly when the same event in JSON would be) and written in the very same
 * normalized form; a problem sends the original bytes to the DLQ with the reason; a rebirth request, if the
 * host wants one, goes to the requester.
 */
public final class SparkplugTranslator implements RecordTranslator {

    private final SparkplugHost host;
    private final TelemetryCodec codec;
    private final IngestMetrics metrics;
    private final String telemetryTopic;
    private final String dlqTopic;
    private final Consumer<SparkplugHost.EdgeNode> rebirth;

    /** @param rebirth called on the message's context when the host asks an edge node to rebirth */
    public SparkplugTranslator(SparkplugHost host, TelemetryCodec codec, IngestMetrics metrics, String telemetryTopic,
                               String dlqTopic, Consumer<SparkplugHost.EdgeNode> rebirth) {
        this.host = host;
        this.codec = codec;
        this.metrics = metrics;
        this.telemetryTopic = telemetryTopic;
        this.dlqTopic = dlqTopic;
        this.rebirth = rebirth;
    }

    @Override
    public boolean handles(String mqttTopic) {
        return SparkplugTopic.isSparkplug(mqttTopic);
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> toRecords(Inbound message, Supplier<RecordHeaders> headers) {
        SparkplugHost.Outcome outcome = message.payload().length > codec.maxPayloadBytes()
                ? new SparkplugHost.Outcome(List.of(), Optional.of(new SparkplugHost.Rejection("too_large",
                "payload is " + message.payload().length + " bytes, the limit is " + codec.maxPayloadBytes())),
                Optional.empty())
                : host.handle(message.mqttTopic(), message.payload(), message.receivedAt());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Optional<SparkplugHost.Rejection> rejection = outcome.rejection();
        byte[] key = null;
        for (TelemetryEvent event : outcome.events()) {
            // The round trip through the JSON codec applies every rule of the contract to the event.
            DecodeResult checked = codec.decode(event.station().mqttTopic(event.kind()), codec.encodePayload(event));
            key = utf8(event.station().kafkaKey());
            if (checked instanceof DecodeResult.Accepted accepted) {
                TelemetryEvent normalized = accepted.event().withReceivedAt(message.receivedAt());
                metrics.eventLag(Duration.between(normalized.ts(), message.receivedAt()));
                records.add(new ProducerRecord<>(telemetryTopic, null, key, codec.encodeNormalized(normalized),
                        headers.get()));
            } else if (rejection.isEmpty()) {
                DecodeResult.Rejected rejected = (DecodeResult.Rejected) checked;
                rejection = Optional.of(new SparkplugHost.Rejection(rejected.reason().wireName(),
                        event.kind().wireName() + " event at " + event.ts() + ": " + rejected.detail()));
            }
        }
        if (rejection.isPresent()) {
            RecordHeaders dlqHeaders = headers.get();
            dlqHeaders.add(Headers.ERROR_REASON, utf8(rejection.get().reason()));
            dlqHeaders.add(Headers.ERROR_DETAIL, utf8(MetricValues.clip300(rejection.get().detail())));
            records.add(new ProducerRecord<>(dlqTopic, null, key, message.payload(), dlqHeaders));
        }
        outcome.rebirth().ifPresent(rebirth);
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
