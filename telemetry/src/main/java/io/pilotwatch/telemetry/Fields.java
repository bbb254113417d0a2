package io.pilotwatch.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Field names of the contract and typed, validating reads of them from a message's {@link ScannedObject}. */
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
    /**
     * Most decimal places a money amount or an energy may have: micro-units, finer than any currency or meter.
     * Together with {@link #MAX_QUANTITY} it bounds every quantity to 19 significant digits, so that sums stay
     * small; without it {@code 1e-999999999} passes the range check and the first {@code BigDecimal.add}
     * rescales the other operand to a billion digits (or throws "BigInteger would overflow").
     */
    static final int MAX_QUANTITY_DECIMALS = 6;
    static final double MAX_IDEAL_CYCLE_SECONDS = 1e6;

    /** Each enum's constants by their lower-case names, so that a read does not lower-case every constant. */
    private static final ClassValue<Map<String, Object>> BY_WIRE_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            Map<String, Object> byName = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name().toLowerCase(Locale.ROOT), constant);
            }
            return byName;
        }
    };

    private final ScannedObject object;

    Fields(ScannedObject object) {
        this.object = object;
    }

    private FieldValue optional(KnownField field) {
        FieldValue value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private FieldValue required(KnownField field) {
        FieldValue value = optional(field);
        if (value == null) {
            throw new Invalid(RejectReason.MISSING_FIELD, "required field '" + field.wireName() + "' is missing");
        }
        return value;
    }

    long requiredNonNegativeLong(KnownField field) {
        return nonNegativeLong(field, required(field));
    }

    long optionalNonNegativeLong(KnownField field, long absent) {
        FieldValue value = optional(field);
        return value == null ? absent : nonNegativeLong(field, value);
    }

    private static long nonNegativeLong(KnownField field, FieldValue value) {
        if (!value.isIntegral()) {
            throw new Invalid(RejectReason.BAD_TYPE,
                    "field '" + field.wireName() + "' must be an integer, got " + value.typeName());
        }
        if (!value.fitsLong() || value.longValue() < 0) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field.wireName() + "' must be an integer from 0 to "
                    + Long.MAX_VALUE + ", got " + clip(value));
        }
        return value.longValue();
    }

    Instant requiredTime(KnownField field) {
        return Timestamps.read(field.wireName(), required(field));
    }

    String requiredString(KnownField field, int maxLength) {
        return string(field, required(field), maxLength);
    }

    Optional<String> optionalString(KnownField field, int maxLength) {
        FieldValue value = optional(field);
        return value == null ? Optional.empty() : Optional.of(string(field, value, maxLength));
    }

    private static String string(KnownField field, FieldValue value, int maxLength) {
        requireText(field, value);
        int length = value.text().length();
        if (length == 0 || length > maxLength) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field.wireName() + "' must be 1 to " + maxLength
                    + " characters long, got " + length);
        }
        requirePrintable(field, value.text());
        return value.text();
    }

    /**
     * JSON lets a string hold {@code \u0000}, other control characters and unpaired surrogates; none is text. A NUL
     * or an escape sequence in a unit id ends up in keys, logs and pages, and an unpaired surrogate is not Unicode
     * (UTF-8 output turns it into '?', so two ids could merge).
     */
    private static void requirePrintable(KnownField field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName()
                        + "' holds an unpaired surrogate at character " + i);
            } else if (Character.isISOControl(c)) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName() + "' holds the control character "
                        + String.format("U+%04X", (int) c) + " at character " + i);
            }
        }
    }

    boolean requiredBoolean(KnownField field) {
        FieldValue value = required(field);
        if (!value.isBoolean()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field.wireName() + "' must be true or false, got "
                    + value.typeName());
        }
        return value.booleanValue();
    }

    /** A lower-case wire name of one of the enum's constants. */
    <E extends Enum<E>> E requiredEnum(KnownField field, Class<E> type) {
        FieldValue value = required(field);
        requireText(field, value);
        Object constant = BY_WIRE_NAME.get(type).get(value.text());
        if (constant == null) {
            throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName() + "' must be one of "
                    + allowed(type) + ", got '" + Text.clip(value.text()) + "'");
        }
        return type.cast(constant);
    }

    BigDecimal requiredQuantity(KnownField field) {
        return quantity(field, required(field));
    }

    Optional<BigDecimal> optionalQuantity(KnownField field) {
        FieldValue value = optional(field);
        return value == null ? Optional.empty() : Optional.of(quantity(field, value));
    }

    private static BigDecimal quantity(KnownField field, FieldValue value) {
        requireNumber(field, value);
        // The parser keeps a number as (digits, scale), so neither check below expands 1e-999999999: compareTo
        // compares magnitudes by precision minus scale first, and scale() is a field.
        BigDecimal decimal = value.decimalValue();
        if (decimal.signum() < 0 || decimal.compareTo(MAX_QUANTITY) > 0) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field.wireName() + "' must be from 0 to "
                    + MAX_QUANTITY.toPlainString() + ", got " + clip(value));
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() > MAX_QUANTITY_DECIMALS) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field.wireName() + "' has more than "
                    + MAX_QUANTITY_DECIMALS + " decimal places, got " + clip(value));
        }
        return stripped;
    }

    Optional<Double> optionalPositiveSeconds(KnownField field) {
        FieldValue value = optional(field);
        if (value == null) {
            return Optional.empty();
        }
        requireNumber(field, value);
        double seconds = value.doubleValue();
        if (!(seconds > 0) || seconds > MAX_IDEAL_CYCLE_SECONDS) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field.wireName() + "' must be > 0 and <= "
                    + MAX_IDEAL_CYCLE_SECONDS + " seconds, got " + clip(value));
        }
        return Optional.of(seconds);
    }

    /** Three capital letters A-Z. */
    String requiredCurrency(KnownField field) {
        FieldValue value = required(field);
        requireText(field, value);
        String code = value.text();
        if (code.length() != 3 || !isCapital(code.charAt(0)) || !isCapital(code.charAt(1)) || !isCapital(code.charAt(2))) {
            throw new Invalid(RejectReason.BAD_VALUE, "field '" + field.wireName()
                    + "' must be an ISO 4217 code of three capital letters (e.g. CNY), got '" + Text.clip(code) + "'");
        }
        return code;
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static void requireText(KnownField field, FieldValue value) {
        if (!value.isText()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field.wireName() + "' must be a string, got "
                    + value.typeName());
        }
    }

    private static void requireNumber(KnownField field, FieldValue value) {
        if (!value.isNumber()) {
            throw new Invalid(RejectReason.BAD_TYPE, "field '" + field.wireName() + "' must be a number, got "
                    + value.typeName());
        }
    }

    private static String clip(FieldValue value) {
        return Text.clip(value.toString());
    }

    private static <E extends Enum<E>> String allowed(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : "|").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
