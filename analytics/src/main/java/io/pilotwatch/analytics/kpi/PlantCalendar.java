package io.pilotwatch.analytics.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar days, months and years of one plant's time zone: every period of a KPI is a plant-local
 * calendar period (the simulator's ground truth uses the same), so "March" means March in Hangzhou.
 */
public record PlantCalendar(ZoneId zone) {

    /** Some time of one day. */
    public record DayShare(LocalDate date, long millis) {
    }

    public LocalDate dateOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }

    public YearMonth monthOf(long epochMillis) {
        return YearMonth.from(dateOf(epochMillis));
    }

    /** Local midnight at the start of {@code date}. */
    public long startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Local midnight at the end of {@code month} (the start of the next). */
    public long endOf(YearMonth month) {
        return startOf(month.plusMonths(1).atDay(1));
    }

    /** Local midnight at the start of {@code month}. */
    public long startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /** Splits {@code [from, to)} into the plant-local days it covers. */
    public List<DayShare> split(long from, long to) {
        List<DayShare> shares = new ArrayList<>();
        long start = from;
        while (start < to) {
            LocalDate date = dateOf(start);
            long end = Math.min(to, startOf(date.plusDays(1)));
            shares.add(new DayShare(date, end - start));
            start = end;
        }
        return shares;
    }
}
