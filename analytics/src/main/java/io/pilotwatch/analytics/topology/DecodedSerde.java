package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.TelemetryCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The source's value serde: decodes {@code factory.telemetry.v1} JSON with the contract's codec, once per record
 * (the timestamp extractor and the classifier both use the result). It never throws: a value the codec rejects
 * comes through as a rejection and goes to the DLQ with its reason.
 */
public final class DecodedSerde implements Serde<Decoded> {

    private final TelemetryCodec codec;

    public DecodedSerde(TelemetryCodec codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<Decoded> serializer() {
        return (topic, decoded) -> decoded == null ? null : decoded.raw();
    }

    @Override
    public Deserializer<Decoded> deserializer() {
        return (topic, bytes) -> new Decoded(codec.decodeNormalized(bytes), bytes);
    }
}
