package io.pilotwatch.ingest.sparkplug;

import io.pilotwatch.telemetry.TelemetryCodec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;

/**
 * Reads the Java values Tahu decodes (Byte to Long, BigInteger, Float, Double, Boolean, String, Date) as
 * what the contract needs. Each method throws {@link IllegalArgumentException} naming the value's type when
 * it cannot.
 */
final class MetricValues {

    private MetricValues() {
    }

    static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("expected a string, number or boolean, got " + typeOf(value));
    }

    /**
     * Exact decimals: a Float or Double is read from its shortest decimal form (18.62, not 18.6199...), rounded
     * half-even to the contract's {@value TelemetryCodec#MAX_QUANTITY_DECIMALS} decimal places (0.1 + 0.2 is
     * 0.30000000000000004 in binary: a meter's float is no more precise than that, and the contract takes no more).
     */
    static BigDecimal decimal(Object value) {
        if (value instanceof Double d) {
            requireFinite(d);
            return toContractScale(BigDecimal.valueOf(d));
        }
        if (value instanceof Float f) {
            requireFinite(f);
            return toContractScale(new BigDecimal(Float.toString(f)));
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + clip(text) + "' is not a number");
            }
        }
        throw new IllegalArgumentException("expected a number, got " + typeOf(value));
    }

    private static BigDecimal toContractScale(BigDecimal exact) {
        return exact.scale() <= TelemetryCodec.MAX_QUANTITY_DECIMALS ? exact
                : exact.setScale(TelemetryCodec.MAX_QUANTITY_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static double number(Object value) {
        return decimal(value).doubleValue();
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number number && (number.longValue() == 0 || number.longValue() == 1)
                && !(value instanceof Double || value instanceof Float)) {
            return number.longValue() == 1;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("expected a boolean, got " + typeOf(value) + " " + clip(String.valueOf(value)));
    }

    /** A DateTime metric, or an integer of milliseconds since the epoch. */
    static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return Instant.ofEpochMilli(((Number) value).longValue());
        }
        throw new IllegalArgumentException("expected a DateTime or epoch milliseconds, got " + typeOf(value));
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("expected a finite number, got " + value);
        }
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    /** DLQ details stay at a few hundred characters, as the contract promises. */
    static String clip300(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
