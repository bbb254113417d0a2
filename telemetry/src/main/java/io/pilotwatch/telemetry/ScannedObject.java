package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A message's top-level JSON object, read token by token with Jackson's streaming parser instead of as a tree: the
 * contract's fields as {@link FieldValue}s, every other field as the {@link JsonNode} a tree would hold, in order.
 *
 * <p>The whole document is read before any field is judged, as {@code ObjectMapper.readTree} did, so a document
 * that is not JSON (a syntax error, a repeated field, nesting too deep, trailing tokens) is {@code bad_json} wherever
 * the problem sits, and the parser's own error messages name it.
 */
final class ScannedObject {

    private static final KnownField[] KNOWN = KnownField.values();

    private final FieldValue[] known = new FieldValue[KNOWN.length];
    /** Every field in document order: a known field's ordinal, or {@code -1 - i} for the i-th unknown one. */
    private int[] order = new int[16];
    private int fields;
    private List<String> unknownNames;
    private List<JsonNode> unknownValues;

    private ScannedObject() {
    }

    /**
     * Reads the document at the start of {@code parser}, to its end.
     *
     * @param mapper reads a root that is not an object, as a tree (to reject it as {@code bad_type} once it is known
     *               to be well-formed JSON)
     * @param trees  reads unknown fields' values and objects and arrays as trees, without a trailing-token check
     * @throws IOException if the document is not well-formed JSON
     * @throws Invalid     if it is empty or not an object
     */
    static ScannedObject read(JsonParser parser, ObjectMapper mapper, ObjectReader trees) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new Invalid(RejectReason.BAD_JSON, "payload holds no JSON value");
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode root = mapper.readTree(parser);
            throw new Invalid(RejectReason.BAD_TYPE, "payload must be a JSON object, got "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ScannedObject object = new ScannedObject();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            KnownField field = KnownField.named(name);
            try {
                if (field == null) {
                    object.addUnknown(name, trees.readTree(parser));
                } else {
                    object.add(field, FieldValue.read(parser, token, trees));
                }
            } catch (NumberFormatException e) {
                // Jackson's BigDecimal throws this (not an IOException) for an exponent beyond an int: 1e2147483648.
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + Text.clip(name)
                        + "' is a number whose exponent is out of range");
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw MismatchedInputException.from(parser, JsonNode.class, "Trailing token (of type " + trailing
                    + ") found after value (bound as `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
                    + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
        return object;
    }

    private void add(KnownField field, FieldValue value) {
        known[field.ordinal()] = value;
        append(field.ordinal());
    }

    private void addUnknown(String name, JsonNode value) {
        if (unknownNames == null) {
            unknownNames = new ArrayList<>(4);
            unknownValues = new ArrayList<>(4);
        }
        unknownNames.add(name);
        unknownValues.add(value);
        append(-unknownNames.size());
    }

    private void append(int entry) {
        if (fields == order.length) {
            order = Arrays.copyOf(order, fields * 2);
        }
        order[fields++] = entry;
    }

    /** The field's value, JSON null included; null if the field is absent. */
    FieldValue get(KnownField field) {
        return known[field.ordinal()];
    }

    /** The fields an event of {@code kind} does not interpret, in document order, as a tree holds them. */
    Map<String, JsonNode> extra(Kind kind) {
        Map<String, JsonNode> extra = null;
        for (int i = 0; i < fields; i++) {
            int entry = order[i];
            if (entry >= 0 && KNOWN[entry].belongsTo(kind)) {
                continue;
            }
            if (extra == null) {
                extra = new LinkedHashMap<>();
            }
            if (entry >= 0) {
                extra.put(KNOWN[entry].wireName(), known[entry].toNode());
            } else {
                extra.put(unknownNames.get(-1 - entry), unknownValues.get(-1 - entry));
            }
        }
        return extra == null ? Map.of() : extra;
    }
}
