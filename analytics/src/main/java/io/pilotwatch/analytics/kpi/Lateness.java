package io.pilotwatch.analytics.kpi;

import java.time.Duration;

/**
 * The grace rule of the calendar-month windows: a month stays open until its end plus the grace has passed
 * on the plant's event-time clock (as {@code TimeWindows.ofSizeAndGrace} does for fixed windows). An event
 * whose month has closed is late: counted, and left out of every KPI, so a published month never changes.
 */
public final class Lateness {

    private Lateness() {
    }

    /** The start of the oldest open month: events before it are late. */
    public static long openFrom(PlantCalendar calendar, long clockMillis, Duration grace) {
        return calendar.startOfMonthOf(clockMillis - grace.toMillis());
    }

    public static boolean isLate(PlantCalendar calendar, long eventMillis, long clockMillis, Duration grace) {
        return eventMillis < openFrom(calendar, clockMillis, grace);
    }
}
