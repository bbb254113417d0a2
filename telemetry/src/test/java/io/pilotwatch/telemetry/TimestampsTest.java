package io.pilotwatch.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of {@link Rfc3339} accepts only texts that {@code java.time}'s ISO_OFFSET_DATE_TIME accepts, with
 * the same instant (everything else falls back to the formatter), and it does take the forms the bridge and devices
 * write.
 */
class TimestampsTest {

    private static final String ALPHABET = "0123456789-:T.tZz+ ";

    /** The formatter's instant, or null if it rejects the text. */
    private static Instant formatter(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void assertNoDisagreement(String text) {
        Instant fast = Rfc3339.parseCommonForm(text);
        if (fast != null) {
            assertThat(fast).as("'%s'", text).isEqualTo(formatter(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T00:15:30Z", "2025-03-01T00:15:30.120Z", "2025-03-01T08:15:30+08:00",
            "2025-03-01T08:15:30.123456789-05:30", "2024-02-29T23:59:59.5+14:00", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00-18:00", "2025-03-01T00:00:00-00:00",
            "2025-03-01T00:00:00+18:00"})
    void takesTheCommonFormsWithTheFormattersInstant(String text) {
        assertThat(Rfc3339.parseCommonForm(text)).isNotNull().isEqualTo(formatter(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01t00:15:30Z", "2025-03-01T00:15:30z", "2025-03-01T00:15Z",
            "2025-03-01T00:15:30+08", "2025-03-01T00:15:30+08:00:00", "+2025-03-01T00:15:30Z", "2025-03-01T00:15:30.Z",
            "2025-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-03-01T24:00:00Z",
            "2025-03-01T23:59:60Z", "2025-03-01T00:00:00+18:01", "2025-03-01T00:00:00+19:00", "2025-03-01T00:00:00",
            "2025-03-01T00:00:00.1234567890Z", "2025-3-01T00:00:00Z", "2025-03-01T00:00:00+0800", "NaN", ""})
    void leavesEveryOtherFormToTheFormatter(String text) {
        assertThat(Rfc3339.parseCommonForm(text)).isNull();
    }

    @Test
    void neverDisagreesWithTheFormatterOnGeneratedAndMutatedTimes() {
        Random random = new Random(11);
        int fast = 0;
        for (int n = 0; n < 50_000; n++) {
            String text = mutate(random, generate(random));
            assertNoDisagreement(text);
            fast += Rfc3339.parseCommonForm(text) == null ? 0 : 1;
        }
        assertThat(fast).as("texts that took the fast path").isGreaterThan(10_000);
    }

    @Test
    void neverDisagreesWithTheFormatterAroundMonthEndsLeapYearsAndLimits() {
        List<String> texts = new ArrayList<>();
        for (int year : new int[] {0, 4, 100, 400, 1969, 1970, 1900, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add(String.format("%04d-%02d-%02dT23:59:59.999Z", year, month, day));
                    texts.add(String.format("%04d-%02d-%02dT00:00:00+14:00", year, month, day));
                }
            }
        }
        for (int hours = 0; hours <= 25; hours++) {
            for (int minutes : new int[] {0, 1, 30, 59, 60}) {
                texts.add(String.format("2025-01-01T00:00:00+%02d:%02d", hours, minutes));
                texts.add(String.format("2025-01-01T00:00:00-%02d:%02d", hours, minutes));
                texts.add(String.format("2025-01-01T%02d:%02d:%02dZ", hours, minutes, minutes));
            }
        }
        texts.forEach(TimestampsTest::assertNoDisagreement);
    }

    private static String generate(Random random) {
        Instant instant = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 260_000_000_000L),
                random.nextInt(1_000_000_000));
        int offsetMinutes = random.nextInt(4) == 0 ? 0 : random.nextInt(-18 * 60, 18 * 60 + 1);
        String text = OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMinutes * 60))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        int fraction = text.indexOf('.');
        if (fraction > 0 && random.nextBoolean()) {
            int end = fraction + 1;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            text = text.substring(0, fraction + 1 + random.nextInt(end - fraction - 1)) + text.substring(end);
        }
        return text;
    }

    private static String mutate(Random random, String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = random.nextInt(3); edits > 0 && mutated.length() > 0; edits--) {
            int at = random.nextInt(mutated.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(at, c);
                case 1 -> mutated.deleteCharAt(at);
                default -> mutated.insert(at, c);
            }
        }
        return mutated.toString();
    }
}
