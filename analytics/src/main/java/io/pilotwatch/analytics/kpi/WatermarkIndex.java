package io.pilotwatch.analytics.kpi;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plant's line clocks ordered for its watermark (the earliest clock of the live lines, see
 * {@link PlantRecord#watermarkMillis}), so that an event costs a few ordered-set updates instead of a scan of
 * every line twice: a plant of 50 lines spent a quarter of the stream thread scanning (docs/benchmarks.md, 2026-12-06).
 * Not stored: {@link PlantRecord} rebuilds it from its line maps when it has none (after a restart), when asked
 * with another idle timeout, or when the wall clock went back (lines already dropped as idle would be live again).
 */
final class WatermarkIndex {

    /** A line's clock, ordered by the clock. */
    private record Entry(long clock, String line) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byClock = Long.compare(clock, other.clock);
            return byClock != 0 ? byClock : line.compareTo(other.line);
        }
    }

    private final long idleMillis;
    private final Map<String, Long> clocks = new HashMap<>();
    /** The live lines: the last wall-clock time each was seen plus the idle timeout, after which it is idle. */
    private final Map<String, Long> liveUntil = new HashMap<>();
    private final TreeSet<Entry> liveClocks = new TreeSet<>();
    /** No live line falls idle before this: until then the live lines need no check (one scan per timeout). */
    private long checkIdleAfter = Long.MAX_VALUE;
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
        // Live while now - seenAt <= idle, i.e. now <= seenAt + idle (saturated; no seenAt: always live).
        long until = seenAt == null ? Long.MAX_VALUE : saturatedAdd(seenAt, idleMillis);
        Long wasLiveUntil = liveUntil.put(line, until);
        if (wasLiveUntil == null || oldClock == null || oldClock != clock) {
            if (wasLiveUntil != null && oldClock != null) {
                liveClocks.remove(new Entry(oldClock, line));
            }
            liveClocks.add(new Entry(clock, line));
        }
        checkIdleAfter = Math.min(checkIdleAfter, until);
    }

    /** The earliest clock of the lines live at {@code nowMillis}; of all lines when none is; MIN_VALUE without lines. */
    long watermark(long nowMillis) {
        askedAt = nowMillis;
        if (nowMillis > checkIdleAfter) {
            dropIdle(nowMillis);
        }
        if (!liveClocks.isEmpty()) {
            return liveClocks.first().clock();
        }
        long earliest = Long.MAX_VALUE;
        for (long clock : clocks.values()) {
            earliest = Math.min(earliest, clock);
        }
        return clocks.isEmpty() ? Long.MIN_VALUE : earliest;
    }

    private void dropIdle(long nowMillis) {
        long next = Long.MAX_VALUE;
        for (var live = liveUntil.entrySet().iterator(); live.hasNext(); ) {
            Map.Entry<String, Long> line = live.next();
            if (line.getValue() < nowMillis) {
                live.remove();
                liveClocks.remove(new Entry(clocks.get(line.getKey()), line.getKey()));
            } else {
                next = Math.min(next, line.getValue());
            }
        }
        checkIdleAfter = next;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
