package io.pilotwatch.telemetry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The value of one contract field as the streaming read met it: what the typed reads of {@link Fields} need, and
 * enough to rebuild the {@link JsonNode} that a Jackson tree of the document holds for it (to keep the field in
 * {@link TelemetryEvent#extra()} when it belongs to another kind, and to quote it in a rejection's detail).
 *
 * <p>Scalars are read with the parser calls that Jackson's tree deserializer makes, so numbers come out as the tree
 * has them: an int, a long or a BigInteger as the parser types it, and floats as BigDecimal (the codec's mapper uses
 * {@code USE_BIG_DECIMAL_FOR_FLOATS}) without trailing zeros, as the default {@link JsonNodeFactory} keeps them.
 */
final class FieldValue {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final FieldValue TRUE = new FieldValue(JsonToken.VALUE_TRUE, null, null, 0, null);
    private static final FieldValue FALSE = new FieldValue(JsonToken.VALUE_FALSE, null, null, 0, null);
    private static final FieldValue NULL = new FieldValue(JsonToken.VALUE_NULL, null, null, 0, null);

    private final JsonToken token;
    private final NumberType numberType;
    private final String text;
    private final long integer;
    /** A BigInteger beyond a long, a float's BigDecimal, or the tree of an object or array. */
    private final Object other;

    private FieldValue(JsonToken token, NumberType numberType, String text, long integer, Object other) {
        this.token = token;
        this.numberType = numberType;
        this.text = text;
        this.integer = integer;
        this.other = other;
    }

    /** Reads the value at the parser's current token, {@code token}; objects and arrays with {@code trees}. */
    static FieldValue read(JsonParser parser, JsonToken token, ObjectReader trees) throws IOException {
        return switch (token) {
            case VALUE_STRING -> new FieldValue(token, null, parser.getText(), 0, null);
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> {
                parser.getNumberTypeFP(); // as the tree deserializer asks; NaN cannot occur (disabled in the factory)
                yield new FieldValue(token, null, null, 0, withoutTrailingZeros(parser.getDecimalValue()));
            }
            case VALUE_TRUE -> TRUE;
            case VALUE_FALSE -> FALSE;
            case VALUE_NULL -> NULL;
            default -> new FieldValue(token, null, null, 0, trees.readTree(parser));
        };
    }

    private static FieldValue integer(JsonParser parser) throws IOException {
        NumberType type = parser.getNumberType();
        return switch (type) {
            case INT -> new FieldValue(JsonToken.VALUE_NUMBER_INT, type, null, parser.getIntValue(), null);
            case LONG -> new FieldValue(JsonToken.VALUE_NUMBER_INT, type, null, parser.getLongValue(), null);
            default -> new FieldValue(JsonToken.VALUE_NUMBER_INT, NumberType.BIG_INTEGER, null, 0,
                    parser.getBigIntegerValue());
        };
    }

    private static BigDecimal withoutTrailingZeros(BigDecimal value) {
        if (!NODES.willStripTrailingBigDecimalZeroes()) {
            return value;
        }
        try {
            return value.stripTrailingZeros();
        } catch (ArithmeticException scaleOverflow) {
            return value; // what the tree deserializer keeps then
        }
    }

    boolean isNull() {
        return token == JsonToken.VALUE_NULL;
    }

    boolean isText() {
        return token == JsonToken.VALUE_STRING;
    }

    boolean isBoolean() {
        return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    boolean isIntegral() {
        return token == JsonToken.VALUE_NUMBER_INT;
    }

    boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    String text() {
        return text;
    }

    boolean booleanValue() {
        return token == JsonToken.VALUE_TRUE;
    }

    /** For an integer: whether it lies in the range of a long. */
    boolean fitsLong() {
        return numberType != NumberType.BIG_INTEGER || ((BigInteger) other).bitLength() < Long.SIZE;
    }

    /** For an integer: its value as a long (truncated if it does not fit, as a tree node's). */
    long longValue() {
        return numberType == NumberType.BIG_INTEGER ? ((BigInteger) other).longValue() : integer;
    }

    /** For a number: its exact value. */
    BigDecimal decimalValue() {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) other;
        }
        return numberType == NumberType.BIG_INTEGER ? new BigDecimal((BigInteger) other) : BigDecimal.valueOf(integer);
    }

    /** For a number: its nearest double. */
    double doubleValue() {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return ((BigDecimal) other).doubleValue();
        }
        return numberType == NumberType.BIG_INTEGER ? ((BigInteger) other).doubleValue() : integer;
    }

    /** The JSON type's name as a tree node's type names it: string, number, boolean, null, object, array. */
    String typeName() {
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "object";
            default -> "array";
        };
    }

    /** The node a Jackson tree of the document holds for this value. */
    JsonNode toNode() {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(text);
            case VALUE_NUMBER_INT -> switch (numberType) {
                case INT -> NODES.numberNode((int) integer);
                case LONG -> NODES.numberNode(integer);
                default -> NODES.numberNode((BigInteger) other);
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode((BigDecimal) other);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(booleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> (JsonNode) other;
        };
    }

    /** The value as JSON, as the tree node would print it. */
    @Override
    public String toString() {
        return toNode().toString();
    }
}
