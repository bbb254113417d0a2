package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The calendar remembers the last days and month it converted; every answer must still be the one java.time
 * gives directly (the reference below), also across DST changes and when look-ups alternate between periods.
 * Checked against a broken version: with the day's end taken inclusive (the first millisecond of the next day
 * answered as the day before) {@link #remembersPeriodsWithoutChangingAnswers} failed at a midnight.
 */
class PlantCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin"); // DST on 2025-03-30 and 2025-10-26

    @Test
    void remembersPeriodsWithoutChangingAnswers() {
        PlantCalendar calendar = new PlantCalendar(BERLIN);
        long from = Instant.parse("2025-03-28T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2025-11-02T00:00:00Z").toEpochMilli();
        long step = Duration.ofMinutes(37).toMillis();
        long lagging = from;
        for (long t = from; t < to; t += step) {
            // An event's time, a lagging watermark and the line clock minus a grace of two days, interleaved.
            for (long at : new long[] {t, lagging, t - Duration.ofDays(2).toMillis(), t - 1, t + 1}) {
                assertSameAsJavaTime(calendar, at);
            }
            lagging += step / 3;
        }
    }

    @Test
    void startsOfDaysAndMonthsAcrossDaylightSaving() {
        PlantCalendar calendar = new PlantCalendar(BERLIN);
        calendar.dateOf(Instant.parse("2025-03-30T12:00:00Z").toEpochMilli());
        // 23 hours on the day clocks go forward, 25 on the day they go back.
        assertThat(calendar.startOf(LocalDate.of(2025, 3, 31)) - calendar.startOf(LocalDate.of(2025, 3, 30)))
                .isEqualTo(Duration.ofHours(23).toMillis());
        calendar.monthOf(Instant.parse("2025-10-26T12:00:00Z").toEpochMilli());
        assertThat(calendar.startOf(LocalDate.of(2025, 10, 27)) - calendar.startOf(LocalDate.of(2025, 10, 26)))
                .isEqualTo(Duration.ofHours(25).toMillis());
        assertThat(calendar.startOf(YearMonth.of(2025, 10)))
                .isEqualTo(Instant.parse("2025-09-30T22:00:00Z").toEpochMilli());
        assertThat(calendar.endOf(YearMonth.of(2025, 10)))
                .isEqualTo(Instant.parse("2025-10-31T23:00:00Z").toEpochMilli());
    }

    private static void assertSameAsJavaTime(PlantCalendar calendar, long at) {
        ZonedDateTime local = Instant.ofEpochMilli(at).atZone(BERLIN);
        LocalDate date = local.toLocalDate();
        YearMonth month = YearMonth.from(date);
        assertThat(calendar.dateOf(at)).as("day of %s", Instant.ofEpochMilli(at)).isEqualTo(date);
        assertThat(calendar.monthOf(at)).as("month of %s", Instant.ofEpochMilli(at)).isEqualTo(month);
        assertThat(calendar.startOfMonthOf(at)).isEqualTo(month.atDay(1).atStartOfDay(BERLIN).toInstant().toEpochMilli());
        assertThat(calendar.startOf(date)).isEqualTo(date.atStartOfDay(BERLIN).toInstant().toEpochMilli());
        assertThat(calendar.startOf(month)).isEqualTo(month.atDay(1).atStartOfDay(BERLIN).toInstant().toEpochMilli());
    }
}
