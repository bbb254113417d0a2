package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.targets.Milestone;
import io.pilotwatch.analytics.targets.PlantPolicy;

/**
 * "Final means final": once a milestone is assessed (its due date's month closed on the plant's watermark), its
 * verdict must not change silently. Everything up to the end of the latest assessed due date becomes final for
 * the plant: later events dated before it are late (counted, and kept on the DLQ), whichever line sends them,
 * even a line that was idle long enough not to hold the watermark back.
 *
 * <p>One instance per plant: the ends of its due dates are converted once, since every event asks.
 */
public final class FinalPeriods {

    /** The end (local midnight after) of each milestone's due date. */
    private final long[] dueEnds;

    public FinalPeriods(PlantPolicy policy, PlantCalendar calendar) {
        dueEnds = policy.milestones().stream()
                .mapToLong((Milestone milestone) -> calendar.startOf(milestone.due().plusDays(1))).toArray();
    }

    /**
     * The end of the latest due date whose month is closed when months from {@code openFromMillis} on are open;
     * {@code Long.MIN_VALUE} when no milestone is assessed yet.
     */
    public long finalUntil(long openFromMillis) {
        long until = Long.MIN_VALUE;
        for (long end : dueEnds) {
            if (openFromMillis >= end) {
                until = Math.max(until, end);
            }
        }
        return until;
    }
}
