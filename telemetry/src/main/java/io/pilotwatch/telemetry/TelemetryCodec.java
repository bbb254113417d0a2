package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The JSON codec of contract v1: decodes and validates device payloads and normalized records,
 * and writes both forms. Thread-safe; create one and share it.
 *
 * <p>Decoding never throws: every problem comes back as a {@link DecodeResult.Rejected} with a
 * {@link RejectReason} and a detail naming the field or limit.
 */
public final class TelemetryCodec {

    /**
     * Most decimal places of an {@code amount} or {@code energyKwh} (trailing zeros do not count); more is
     * rejected as {@code out_of_range}. Producers that hold binary floats round to it.
     */
    public static final int MAX_QUANTITY_DECIMALS = Fields.MAX_QUANTITY_DECIMALS;

    /** The default payload size limit: 64 KiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    /** Hostile input may nest deeply; real payloads are flat. */
    private static final int MAX_NESTING_DEPTH = 32;

    private final int maxPayloadBytes;
    private final ObjectMapper mapper;
    /** Reads the values of unknown fields (and objects, arrays) as trees, inside the document being read. */
    private final ObjectReader trees;
    private final EventWriter writer;

    /** A codec with the default 64 KiB payload limit. */
    public TelemetryCodec() {
        this(DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /**
     * @param maxPayloadBytes payloads larger than this are rejected as {@code too_large}
     * @throws IllegalArgumentException if {@code maxPayloadBytes} is not positive
     */
    public TelemetryCodec(int maxPayloadBytes) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be > 0, got " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(64)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.trees = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = new EventWriter(mapper);
    }

    /** The payload size limit in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /**
     * Decodes a message as a device publishes it.
     *
     * @param mqttTopic the MQTT topic it arrived on; names the station and the kind
     * @param payload   the raw payload bytes
     * @return the event (without {@code receivedAt}) or the reason it was rejected; never null
     */
    public DecodeResult decode(String mqttTopic, byte[] payload) {
        try {
            TopicAddress address = TopicAddress.parse(mqttTopic);
            return new DecodeResult.Accepted(EventReader.readDevicePayload(read(payload), address));
        } catch (Invalid e) {
            return e.toResult();
        }
    }

    /**
     * Decodes a normalized record as found in {@link Topics#TELEMETRY} (for consumers such as analytics,
     * which may also meet records from other producers).
     *
     * @return the event (with {@code receivedAt}) or the reason it was rejected; never null
     */
    public DecodeResult decodeNormalized(byte[] value) {
        try {
            return new DecodeResult.Accepted(EventReader.readNormalized(read(value)));
        } catch (Invalid e) {
            return e.toResult();
        }
    }

    /**
     * Writes the normalized form: the payload plus {@code plant}, {@code line}, {@code station},
     * {@code kind} and {@code receivedAt}, with every time in UTC.
     *
     * @throws IllegalArgumentException if the event has no {@code receivedAt}
     */
    public byte[] encodeNormalized(TelemetryEvent event) {
        return writer.write(event, true);
    }

    /** Writes the payload a device publishes (no identity fields: the topic carries them). */
    public byte[] encodePayload(TelemetryEvent event) {
        return writer.write(event, false);
    }

    /** Checks size and UTF-8, then reads the document token by token (no tree), as one JSON object. */
    private ScannedObject read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is empty");
        }
        if (bytes.length > maxPayloadBytes) {
            throw new Invalid(RejectReason.TOO_LARGE,
                    "payload is " + bytes.length + " bytes, the limit is " + maxPayloadBytes);
        }
        int malformed = Utf8.firstMalformed(bytes);
        if (malformed >= 0) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is not well-formed UTF-8 (at byte " + malformed + ")");
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            return ScannedObject.read(parser, mapper, trees);
        } catch (IOException e) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is not valid UTF-8 JSON: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof JsonProcessingException json) {
            String where = json.getLocation() == null ? "" : " (at byte " + json.getLocation().getByteOffset() + ")";
            return Text.clip(firstLine(json.getOriginalMessage())) + where;
        }
        return Text.clip(firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable input" : message.lines().findFirst().orElse("");
    }
}
