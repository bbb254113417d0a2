package io.pilotwatch.analytics.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of closed months, kept between calculations: a month whose grace has passed on a line's clock
 * takes no more events of that line (they are late, see {@link Lateness}), so the line's figures over days of
 * that month never change again. Open state time included: up to the month's end it is the same whether the
 * station's next change has come yet (it is then in the day totals) or not. Baselines are not figures, so
 * freezing one changes nothing here.
 *
 * <p>In memory only (after a restart it fills again as figures are computed), at most {@code maxBytes} of it,
 * the least recently used out first. Safe to share between threads. Only the stream threads keep figures,
 * computed from their own stores; a {@link #readOnly} view serves interactive queries, whose reads of several
 * stores may straddle a commit and must not be kept.
 */
public final class ClosedFigures {

    /** What is kept by default: tens of thousands of line-months (a few KB each, a sketch's filled buckets). */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** A slice of days of one month, of one line or summed over several, in their summing order. */
    record Key(String plant, List<String> lines, LocalDate from, LocalDate to) {
    }

    private final Duration grace;
    private final Slices slices;
    private final boolean keeps;

    public ClosedFigures(Duration grace) {
        this(grace, DEFAULT_MAX_BYTES);
    }

    public ClosedFigures(Duration grace, long maxBytes) {
        this(grace, new Slices(maxBytes), true);
    }

    private ClosedFigures(Duration grace, Slices slices, boolean keeps) {
        this.grace = grace;
        this.slices = slices;
        this.keeps = keeps;
    }

    /** The same figures, for reading only. */
    public ClosedFigures readOnly() {
        return new ClosedFigures(grace, slices, false);
    }

    /** Whether {@code day}'s month has closed on a line clock: no event of that line can change it any more. */
    boolean isClosed(PlantCalendar calendar, long lineClockMillis, LocalDate day) {
        return calendar.endOf(YearMonth.from(day)) <= Lateness.openFrom(calendar, lineClockMillis, grace);
    }

    Optional<MonthSlice> get(Key key) {
        return Optional.ofNullable(slices.get(key));
    }

    /** Keeps a frozen copy of {@code slice} unless this is a read-only view, and returns what to use. */
    MonthSlice put(Key key, MonthSlice slice) {
        if (!keeps) {
            return slice;
        }
        MonthSlice frozen = slice.frozen();
        slices.put(key, frozen);
        return frozen;
    }

    /** How many slices were found here rather than computed. */
    public long hits() {
        return slices.hits();
    }

    /** The kept slices, least recently used first. */
    private static final class Slices {

        private final long maxBytes;
        private final Map<Key, MonthSlice> map = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;
        private long hits;

        Slices(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized MonthSlice get(Key key) {
            MonthSlice slice = map.get(key);
            if (slice != null) {
                hits++;
            }
            return slice;
        }

        synchronized void put(Key key, MonthSlice slice) {
            MonthSlice old = map.put(key, slice);
            bytes += slice.bytes() - (old == null ? 0 : old.bytes());
            Iterator<MonthSlice> eldest = map.values().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }

        synchronized long hits() {
            return hits;
        }
    }
}
