package io.pilotwatch.analytics.kpi;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plant's line clocks ordered for its watermark (the earliest clock of the live lines, see
 * {@link PlantRecord#watermarkMillis}), so that an event costs a few ordered-set updates instead of a scan of
 * every line: a plant of 50 lines spent a quarter of the stream thread scanning (docs/benchmarks.md, 2026-12-06).
 * Not stored: {@link PlantRecord} rebuilds it from its line maps when it has none (after a restart), when asked
 * with another idle timeout, or when the wall clock went back (lines already dropped as idle would be live again).
 */
final class WatermarkIndex {

    /** A line and a time of it, ordered by the time. */
    private record Entry(long millis, String line) {
    }

    private static final Comparator<Entry> BY_TIME = Comparator.comparingLong(Entry::millis).thenComparing(Entry::line);

    private final long idleMillis;
    private final Map<String, Long> clocks = new HashMap<>();
    /** The last wall-clock time a line was seen plus the idle timeout: after it the line is idle. */
    private final Map<String, Long> liveUntil = new HashMap<>();
    private final TreeSet<Entry> allClocks = new TreeSet<>(BY_TIME);
    private final TreeSet<Entry> liveClocks = new TreeSet<>(BY_TIME);
    private final TreeSet<Entry> byLiveUntil = new TreeSet<>(BY_TIME);
    private long askedAt = Long.MIN_VALUE;

    private WatermarkIndex(long idleMillis) {
        this.idleMillis = idleMillis;
    }

    static WatermarkIndex of(Map<String, Long> lineClocks, Map<String, Long> lineSeenAt, long idleMillis) {
        WatermarkIndex index = new WatermarkIndex(idleMillis);
        lineClocks.forEach((line, clock) -> index.put(line, clock, lineSeenAt.get(line)));
        return index;
    }

    /** Whether this index answers for {@code nowMillis} with {@code idle}: the same timeout, no time went back. */
    boolean answers(long nowMillis, long idle) {
        return idle == idleMillis && nowMillis >= askedAt;
    }

    /** The line's clock and the wall-clock time it was last seen; {@code seenAt} null: never idle (no time known). */
    void put(String line, long clock, Long seenAt) {
        Long oldClock = clocks.put(line, clock);
        if (oldClock != null) {
            allClocks.remove(new Entry(oldClock, line));
            liveClocks.remove(new Entry(oldClock, line));
        }
        Long oldUntil = liveUntil.remove(line);
        if (oldUntil != null) {
            byLiveUntil.remove(new Entry(oldUntil, line));
        }
        allClocks.add(new Entry(clock, line));
        // Live while now - seenAt <= idle, i.e. now <= seenAt + idle (saturated; no seenAt: always live).
        long until = seenAt == null ? Long.MAX_VALUE : saturatedAdd(seenAt, idleMillis);
        liveUntil.put(line, until);
        byLiveUntil.add(new Entry(until, line));
        liveClocks.add(new Entry(clock, line));
    }

    /** The earliest clock of the lines live at {@code nowMillis}; of all lines when none is; MIN_VALUE without lines. */
    long watermark(long nowMillis) {
        askedAt = nowMillis;
        while (!byLiveUntil.isEmpty() && byLiveUntil.first().millis() < nowMillis) {
            String idle = byLiveUntil.pollFirst().line();
            liveUntil.remove(idle);
            liveClocks.remove(new Entry(clocks.get(idle), idle));
        }
        if (!liveClocks.isEmpty()) {
            return liveClocks.first().millis();
        }
        return allClocks.isEmpty() ? Long.MIN_VALUE : allClocks.first().millis();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
