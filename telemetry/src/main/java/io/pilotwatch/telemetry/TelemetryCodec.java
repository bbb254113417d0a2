package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The JSON codec of contract v1: decodes and validates device payloads and normalized records,
 * and writes both forms. Thread-safe; create one and share it.
 *
 * <p>Decoding never throws: every problem comes back as a {@link DecodeResult.Rejected} with a
 * {@link RejectReason} and a detail naming the field or limit.
 */
public final class TelemetryCodec {

    /** The default payload size limit: 64 KiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    /** Hostile input may nest deeply; real payloads are flat. */
    private static final int MAX_NESTING_DEPTH = 32;

    private final int maxPayloadBytes;
    private final ObjectMapper mapper;
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
            return new DecodeResult.Accepted(EventReader.readDevicePayload(parse(payload), address));
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
            return new DecodeResult.Accepted(EventReader.readNormalized(parse(value)));
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

    private JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is empty");
        }
        if (bytes.length > maxPayloadBytes) {
            throw new Invalid(RejectReason.TOO_LARGE,
                    "payload is " + bytes.length + " bytes, the limit is " + maxPayloadBytes);
        }
        requireWellFormedUtf8(bytes);
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new Invalid(RejectReason.BAD_JSON, "payload holds no JSON value");
            }
            return root;
        } catch (IOException e) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is not valid UTF-8 JSON: " + describe(e));
        }
    }

    /**
     * Jackson's parser accepts some malformed UTF-8, such as the overlong {@code C0 AF} for '/', a classic way to
     * slip characters past filters; the JDK's decoder refuses every malformed sequence, so it checks first.
     */
    private static void requireWellFormedUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            throw new Invalid(RejectReason.BAD_JSON, "payload is not well-formed UTF-8 (at byte " + in.position() + ")");
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
