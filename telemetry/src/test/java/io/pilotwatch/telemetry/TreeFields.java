package io.pilotwatch.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The oracle's typed reads of a parsed JSON object: the codec's {@code Fields} and {@code Timestamps.read} as they
 * were before the streaming reader (commit a65469d), kept unchanged but for names. Test scope only.
 */
final class TreeFields {

    private static final Instant LAST = Instant.ofEpochMilli(Timestamps.MAX_EPOCH_MILLIS);
    private static final Pattern CURRENCY_PATTERN = Pattern.compile("[A-Z]{3}");

    private final ObjectNode object;

    TreeFields(ObjectNode object) {
        this.object = object;
    }

    private Optional<JsonNode> optional(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private JsonNode required(String field) {
        return optional(field).orElseThrow(() ->
                new Invalid(RejectReason.MISSING_FIELD, "required field '" + field + "' is missing"));
    }

    long requiredNonNegativeLong(String field) {
        return nonNegativeLong(field, required(field));
    }

    long optionalNonNegativeLong(String field, long absent) {
        return optional(field).map(node -> nonNegativeLong(field, node)).orElse(absent);
    }

    private static long nonNegativeLong(String field, JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new Invalid(RejectReason.BAD_TYPE,
                    "field '" + field + "' must be an integer, got " + typeName(node));
        }
        if (!node.canConvertToLong() || node.longValue() < 0) {
            throw new Invalid(RejectReason.OUT_OF_RANGE,
                    "field '" + field + "' must be an integer from 0 to " + Long.MAX_VALUE + ", got " + clip(node));
        }
        return node.longValue();
    }

    Instant requiredTime(String field) {
        return time(field, required(field));
    }

    String requiredString(String field, int maxLength) {
        return string(field, required(field), maxLength);
    }

    Optional<String> optionalString(String field, int maxLength) {
        return optional(field).map(node -> string(field, node, maxLength));
    }

    private static String string(String field, JsonNode node, int maxLength) {
        if (!node.isTextual()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be a string, got " + typeName(node));
        }
        int length = node.textValue().length();
        if (length == 0 || length > maxLength) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' must be 1 to " + maxLength
                    + " characters long, got " + length);
        }
        // Added with the streaming reader's rule (issue 16, hostile corpus): no control characters or unpaired
        // surrogates in strings; the oracle checks it the same way so that the two still agree elsewhere.
        String text = node.textValue();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field + "' holds an unpaired surrogate at character " + i);
            } else if (Character.isISOControl(c)) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field + "' holds the control character "
                        + String.format("U+%04X", (int) c) + " at character " + i);
            }
        }
        return text;
    }

    boolean requiredBoolean(String field) {
        JsonNode node = required(field);
        if (!node.isBoolean()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be true or false, got "
                    + typeName(node));
        }
        return node.booleanValue();
    }

    /** A lower-case wire name of one of the enum's constants. */
    <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        JsonNode node = required(field);
        if (!node.isTextual()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be a string, got " + typeName(node));
        }
        String text = node.textValue();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw new Invalid(RejectReason.BAD_VALUE, "field '" + field + "' must be one of "
                + allowed(type) + ", got '" + Text.clip(text) + "'");
    }

    BigDecimal requiredQuantity(String field) {
        return quantity(field, required(field));
    }

    Optional<BigDecimal> optionalQuantity(String field) {
        return optional(field).map(node -> quantity(field, node));
    }

    private static BigDecimal quantity(String field, JsonNode node) {
        if (!node.isNumber()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be a number, got " + typeName(node));
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0 || value.compareTo(Fields.MAX_QUANTITY) > 0) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' must be from 0 to "
                    + Fields.MAX_QUANTITY.toPlainString() + ", got " + clip(node));
        }
        if (value.stripTrailingZeros().scale() > Fields.MAX_QUANTITY_DECIMALS) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' has more than "
                    + Fields.MAX_QUANTITY_DECIMALS + " decimal places, got " + clip(node));
        }
        return value.stripTrailingZeros();
    }

    Optional<Double> optionalPositiveSeconds(String field) {
        return optional(field).map(node -> {
            if (!node.isNumber()) {
                throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be a number, got "
                        + typeName(node));
            }
            double value = node.doubleValue();
            if (!(value > 0) || value > Fields.MAX_IDEAL_CYCLE_SECONDS) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' must be > 0 and <= "
                        + Fields.MAX_IDEAL_CYCLE_SECONDS + " seconds, got " + clip(node));
            }
            return value;
        });
    }

    String requiredCurrency(String field) {
        JsonNode node = required(field);
        if (!node.isTextual()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field + "' must be a string, got " + typeName(node));
        }
        if (!CURRENCY_PATTERN.matcher(node.textValue()).matches()) {
            throw new Invalid(RejectReason.BAD_VALUE, "field '" + field
                    + "' must be an ISO 4217 code of three capital letters (e.g. CNY), got '"
                    + Text.clip(node.textValue()) + "'");
        }
        return node.textValue();
    }

    static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String clip(JsonNode node) {
        return Text.clip(node.toString());
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : "|").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    private static Instant time(String field, JsonNode node) {
        if (node.isTextual()) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(node.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field
                        + "' must be an RFC 3339 time with offset (e.g. 2025-03-01T08:00:00+08:00), got '"
                        + Text.clip(node.textValue()) + "'");
            }
            // The same range as the millisecond form: a year like +10000 or 1000 is no plausible event time.
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST)) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field
                        + "' must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, got '"
                        + Text.clip(node.textValue()) + "'");
            }
            return instant;
        }
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong() || node.longValue() < 0 || node.longValue() > Timestamps.MAX_EPOCH_MILLIS) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field
                        + "' as epoch milliseconds must be between 0 and " + Timestamps.MAX_EPOCH_MILLIS + ", got " + node);
            }
            return Instant.ofEpochMilli(node.longValue());
        }
        throw new Invalid(RejectReason.BAD_TYPE, "field '" + field
                + "' must be an RFC 3339 string or integer epoch milliseconds, got " + typeName(node));
    }
}
