package io.pilotwatch.telemetry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The two timestamp forms of the contract: RFC 3339 with an offset, or integer epoch milliseconds. */
final class Timestamps {

    /** 9999-12-31T23:59:59.999Z: the last instant that RFC 3339 can write. */
    static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;
    private static final Instant LAST = Instant.ofEpochMilli(MAX_EPOCH_MILLIS);

    private Timestamps() {
    }

    static Instant read(String field, FieldValue value) {
        if (value.isText()) {
            return parse(field, value.text());
        }
        if (value.isIntegral()) {
            if (!value.fitsLong() || value.longValue() < 0 || value.longValue() > MAX_EPOCH_MILLIS) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field
                        + "' as epoch milliseconds must be between 0 and " + MAX_EPOCH_MILLIS + ", got " + value);
            }
            return Instant.ofEpochMilli(value.longValue());
        }
        throw new Invalid(RejectReason.BAD_TYPE, "field '" + field
                + "' must be an RFC 3339 string or integer epoch milliseconds, got " + value.typeName());
    }

    private static Instant parse(String field, String text) {
        Instant instant = Rfc3339.parseCommonForm(text);
        if (instant == null) {
            try {
                instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw new Invalid(RejectReason.BAD_VALUE, "field '" + field
                        + "' must be an RFC 3339 time with offset (e.g. 2025-03-01T08:00:00+08:00), got '"
                        + Text.clip(text) + "'");
            }
        }
        // The same range as the millisecond form: a year like +10000 or 1000 is no plausible event time.
        if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST)) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "field '" + field
                    + "' must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, got '"
                    + Text.clip(text) + "'");
        }
        return instant;
    }

    /** The normalized form: UTC, ISO-8601 as {@link Instant#toString()} writes it. */
    static String write(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
