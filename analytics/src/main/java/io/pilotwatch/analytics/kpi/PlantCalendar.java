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
 *
 * <p>Every event asks for its day and for the month of its line's clock, which move slowly: the last day and
 * the last month looked up are remembered with their bounds, so most look-ups are two comparisons instead of
 * a time-zone conversion. The remembered periods are immutable and replaced whole, so a calendar may be shared
 * between threads (a racing thread at worst converts again).
 */
public final class PlantCalendar {

    /** Some time of one day. */
    public record DayShare(LocalDate date, long millis) {
    }

    /** A period and its bounds in epoch millis, {@code [start, end)}. */
    private record Span<P>(P period, long start, long end) {
        boolean holds(long epochMillis) {
            return start <= epochMillis && epochMillis < end;
        }
    }

    private final ZoneId zone;
    /** The two days looked up last: an event's own day and its plant's watermark's, which alternate. */
    private Span<LocalDate> lastDay;
    private Span<LocalDate> dayBefore;
    private Span<YearMonth> lastMonth;

    public PlantCalendar(ZoneId zone) {
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dateOf(long epochMillis) {
        return daySpan(epochMillis).period();
    }

    /** The day that holds {@code epochMillis}, from the two remembered when it is one of them. */
    private Span<LocalDate> daySpan(long epochMillis) {
        Span<LocalDate> day = lastDay;
        if (day != null && day.holds(epochMillis)) {
            return day;
        }
        Span<LocalDate> other = dayBefore;
        if (other != null && other.holds(epochMillis)) {
            return other;
        }
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
        Span<LocalDate> found = new Span<>(date, convertStartOf(date), convertStartOf(date.plusDays(1)));
        dayBefore = day;
        lastDay = found;
        return found;
    }

    public YearMonth monthOf(long epochMillis) {
        return monthSpan(epochMillis).period();
    }

    /** Local midnight at the start of the month that holds {@code epochMillis}. */
    public long startOfMonthOf(long epochMillis) {
        return monthSpan(epochMillis).start();
    }

    private Span<YearMonth> monthSpan(long epochMillis) {
        Span<YearMonth> month = lastMonth;
        if (month == null || !month.holds(epochMillis)) {
            YearMonth of = YearMonth.from(Instant.ofEpochMilli(epochMillis).atZone(zone));
            month = new Span<>(of, convertStartOf(of.atDay(1)), convertStartOf(of.plusMonths(1).atDay(1)));
            lastMonth = month;
        }
        return month;
    }

    /** Local midnight at the start of {@code date}. */
    public long startOf(LocalDate date) {
        Span<LocalDate> day = lastDay;
        if (day != null && day.period().equals(date)) {
            return day.start();
        }
        Span<LocalDate> other = dayBefore;
        if (other != null && other.period().equals(date)) {
            return other.start();
        }
        return convertStartOf(date);
    }

    private long convertStartOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** Local midnight at the end of {@code month} (the start of the next). */
    public long endOf(YearMonth month) {
        return startOf(month.plusMonths(1).atDay(1));
    }

    /** Local midnight at the start of {@code month}. */
    public long startOf(YearMonth month) {
        Span<YearMonth> known = lastMonth;
        if (known != null && known.period().equals(month)) {
            return known.start();
        }
        return convertStartOf(month.atDay(1));
    }

    /** Splits {@code [from, to)} into the plant-local days it covers. */
    public List<DayShare> split(long from, long to) {
        List<DayShare> shares = new ArrayList<>();
        long start = from;
        while (start < to) {
            Span<LocalDate> day = daySpan(start);
            long end = Math.min(to, day.end());
            shares.add(new DayShare(day.period(), end - start));
            start = end;
        }
        return shares;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlantCalendar calendar && calendar.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "PlantCalendar[zone=" + zone + "]";
    }
}
