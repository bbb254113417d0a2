package io.pilotwatch.simulator.truth;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** Calendar months of one plant's time zone, with the month of the last lookup cached (events come in order). */
final class Calendar {

    private final ZoneId zone;
    private YearMonth cachedMonth;
    private long cachedStart = Long.MAX_VALUE;
    private long cachedEnd = Long.MIN_VALUE;

    Calendar(ZoneId zone) {
        this.zone = zone;
    }

    ZoneId zone() {
        return zone;
    }

    YearMonth monthOf(long millis) {
        if (millis < cachedStart || millis >= cachedEnd) {
            cachedMonth = YearMonth.from(Instant.ofEpochMilli(millis).atZone(zone));
            cachedStart = startOf(cachedMonth);
            cachedEnd = startOf(cachedMonth.plusMonths(1));
        }
        return cachedMonth;
    }

    /** Local midnight of the month's first day, in epoch milliseconds. */
    long startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    long endOf(YearMonth month) {
        return startOf(month.plusMonths(1));
    }
}
