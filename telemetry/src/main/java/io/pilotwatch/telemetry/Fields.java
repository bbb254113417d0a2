package io.pilotwatch.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Field names of the contract and typed, validating reads of them from a JSON object. */
final class Fields {

    static final String SEQ = "seq";
    static final String BOOT = "boot";
    static final String TS = "ts";
    static final String PLANT = "plant";
    static final String LINE = "line";
    static final String STATION = "station";
    static final String KIND = "kind";
    static final String RECEIVED_AT = "receivedAt";
    static final String UNIT_ID = "unitId";
    static final String STARTED_AT = "startedAt";
    static final String COMPLETED_AT = "completedAt";
    static final String RESULT = "result";
    static final String DEFECT_CODE = "defectCode";
    static final String PROCESS = "process";
    static final String KEY_PROCESS = "keyProcess";
    static final String CNC = "cnc";
    static final String IDEAL_CYCLE_SECONDS = "idealCycleSeconds";
    static final String STATE = "state";
    static final String CATEGORY = "category";
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";
    static final String ENERGY_KWH = "energyKwh";

    /** Fields the normalized form adds; identity fields in a device payload must agree with the topic. */
    static final Set<String> IDENTITY = Set.of(PLANT, LINE, STATION, KIND);

    /** Upper bound of money amounts and energy: far beyond any plausible single booking. */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1e12");
    static final double MAX_IDEAL_CYCLE_SECONDS = 1e6;

    private static final Pattern CURRENCY_PATTERN = Pattern.compile("[A-Z]{3}");

    private final ObjectNode object;

    Fields(ObjectNode object) {
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
        return Timestamps.read(field, required(field));
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
        return node.textValue();
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
        if (value.signum() < 0 || value.compareTo(MAX_QUANTITY) > 0) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' must be from 0 to "
                    + MAX_QUANTITY.toPlainString() + ", got " + clip(node));
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
            if (!(value > 0) || value > MAX_IDEAL_CYCLE_SECONDS) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field + "' must be > 0 and <= "
                        + MAX_IDEAL_CYCLE_SECONDS + " seconds, got " + clip(node));
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
}
