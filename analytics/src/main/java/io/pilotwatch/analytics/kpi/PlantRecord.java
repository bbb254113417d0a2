package io.pilotwatch.analytics.kpi;

import io.pilotwatch.telemetry.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per plant: the event-time clock of each of its lines, and what happened to its records (the data
 * completeness of the scorecard). Kept in a state store so the counts survive restarts and move with the
 * plant.
 *
 * <p>Clocks are per line because a line's events arrive in order (one input partition), while lines of a
 * plant come from different partitions and may be far apart in event time when history is replayed.
 * Lateness is judged against the line's own clock; the plant's <em>clock</em> (its latest event time,
 * for the current windows) is the latest line clock; the plant's <em>watermark</em> (for decisions that
 * need every line's data: freezing a baseline, assessing a milestone, forgetting ids) is the earliest clock
 * of the lines that are live, i.e. sent something within the idle timeout of wall-clock time.
 */
public final class PlantRecord {

    /** The record that counts rejected records whose key names no plant. */
    public static final String UNKNOWN_PLANT = "_unknown";

    private final Map<String, Long> lineClocks = new TreeMap<>();
    private final Map<String, Long> lineSeenAt = new TreeMap<>();
    private long firstEventMillis = Long.MAX_VALUE;
    private final Map<String, Long> accepted = new TreeMap<>();
    private final Map<String, Long> late = new TreeMap<>();
    private final Map<String, Long> rejected = new TreeMap<>();
    private long duplicates;
    /** Events before this time belong to an assessed milestone and are final (Long.MIN_VALUE: none yet). */
    private long finalUntilMillis = Long.MIN_VALUE;
    /** The line clocks ordered for the watermark; transient: not stored, rebuilt from the maps above. */
    private transient WatermarkIndex watermarks;

    /**
     * Counts an accepted event and moves its line's clock forward to its time if it is later.
     *
     * @param nowMillis the wall-clock time of processing, for the line's liveness
     */
    public void accept(Kind kind, String line, long eventMillis, long nowMillis) {
        accepted.merge(kind.wireName(), 1L, Long::sum);
        long clock = lineClocks.merge(line, eventMillis, Math::max);
        lineSeenAt.put(line, nowMillis);
        if (watermarks != null) {
            watermarks.put(line, clock, nowMillis);
        }
        firstEventMillis = Math.min(firstEventMillis, eventMillis);
    }

    public void late(Kind kind) {
        late.merge(kind.wireName(), 1L, Long::sum);
    }

    public void duplicate() {
        duplicates++;
    }

    /** @param reason a rejection reason's wire name */
    public void rejected(String reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    /**
     * Marks everything before {@code millis} as final (an assessed milestone's due date has passed on the
     * watermark); never moves back, even when a line that fell silent comes back and lowers the watermark.
     */
    public void finalUntil(long millis) {
        finalUntilMillis = Math.max(finalUntilMillis, millis);
    }

    /** Events before this time are final: they would change an assessed milestone. */
    public long finalUntilMillis() {
        return finalUntilMillis;
    }

    public boolean hasClock() {
        return !lineClocks.isEmpty();
    }

    /** The latest event time of any line. */
    public long clockMillis() {
        return lineClocks.values().stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
    }

    public OptionalLong lineClock(String line) {
        Long clock = lineClocks.get(line);
        return clock == null ? OptionalLong.empty() : OptionalLong.of(clock);
    }

    /**
     * The earliest clock of the lines live at {@code nowMillis} (an event within {@code idleTimeout}); the
     * earliest of all lines when none is live (the data have stopped: everything sent has been processed).
     */
    public long watermarkMillis(long nowMillis, Duration idleTimeout) {
        long idle = idleTimeout.toMillis();
        if (watermarks == null || !watermarks.answers(nowMillis, idle)) {
            watermarks = WatermarkIndex.of(lineClocks, lineSeenAt, idle);
        }
        return watermarks.watermark(nowMillis);
    }

    public long firstEventMillis() {
        return firstEventMillis;
    }

    public Set<String> lines() {
        return Set.copyOf(lineClocks.keySet());
    }

    /** Each line's clock. */
    public Map<String, Long> lineClocks() {
        return Map.copyOf(lineClocks);
    }

    /** Accepted events by kind wire name. */
    public Map<String, Long> accepted() {
        return Map.copyOf(accepted);
    }

    /** Events later than the grace, by kind wire name: counted here, not in any KPI. */
    public Map<String, Long> late() {
        return Map.copyOf(late);
    }

    /** Records sent to the DLQ, by reason wire name. */
    public Map<String, Long> rejected() {
        return Map.copyOf(rejected);
    }

    public long duplicates() {
        return duplicates;
    }

    public long acceptedTotal() {
        return accepted.values().stream().mapToLong(Long::longValue).sum();
    }
}
