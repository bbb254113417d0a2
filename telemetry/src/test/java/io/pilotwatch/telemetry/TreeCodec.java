package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
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
 * The oracle of the differential tests and the "before" of the benchmark: the decoding half of
 * {@link TelemetryCodec} as it was before the streaming reader (commit a65469d), which reads the whole payload into
 * a Jackson tree ({@link TreeEventReader}) and parses times with {@code java.time}'s formatter, with
 * {@code TopicAddress.parse} and {@code StationId.isValidId} as they were (String.split, the id regex). Kept
 * unchanged but for names; test scope only.
 */
final class TreeCodec {

    private static final int MAX_NESTING_DEPTH = 32;

    private final int maxPayloadBytes;
    private final ObjectMapper mapper;

    TreeCodec() {
        this(TelemetryCodec.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    TreeCodec(int maxPayloadBytes) {
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
    }

    DecodeResult decode(String mqttTopic, byte[] payload) {
        try {
            TopicAddress address = parseTopic(mqttTopic);
            return new DecodeResult.Accepted(TreeEventReader.readDevicePayload(parse(payload), address));
        } catch (Invalid e) {
            return e.toResult();
        }
    }

    DecodeResult decodeNormalized(byte[] value) {
        try {
            return new DecodeResult.Accepted(TreeEventReader.readNormalized(parse(value)));
        } catch (Invalid e) {
            return e.toResult();
        }
    }

    /** {@code TopicAddress.parse} as it was (with String.split and the id pattern). */
    private static TopicAddress parseTopic(String topic) {
        if (topic == null || !topic.startsWith(Topics.MQTT_PREFIX)) {
            throw new Invalid(RejectReason.BAD_TOPIC,
                    "topic must start with '" + Topics.MQTT_PREFIX + "', got '" + Text.clip(topic) + "'");
        }
        String[] parts = topic.split("/", -1);
        if (parts.length != 6) {
            throw new Invalid(RejectReason.BAD_TOPIC,
                    "topic must be factory/v1/{plant}/{line}/{station}/{kind}, got " + parts.length
                            + " segments in '" + Text.clip(topic) + "'");
        }
        String[] names = {"plant", "line", "station"};
        for (int i = 0; i < names.length; i++) {
            if (!StationId.ID_PATTERN.matcher(parts[i + 2]).matches()) {
                throw new Invalid(RejectReason.BAD_TOPIC, names[i] + " id '" + Text.clip(parts[i + 2])
                        + "' in the topic must match " + StationId.ID_PATTERN.pattern());
            }
        }
        Kind kind = Kind.fromWireName(parts[5]).orElseThrow(() -> new Invalid(RejectReason.UNKNOWN_KIND,
                "kind '" + Text.clip(parts[5]) + "' is not one of unit, profile, state, cost"));
        return new TopicAddress(new StationId(parts[2], parts[3], parts[4]), kind);
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
