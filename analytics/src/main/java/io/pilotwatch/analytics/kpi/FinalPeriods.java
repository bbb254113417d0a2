package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.targets.Milestone;
import io.pilotwatch.analytics.targets.PlantPolicy;

/**
 * "Final means final": once a milestone is assessed (its due date's month closed on the plant's watermark), its
 * verdict must not change silently. Everything up to the end of the latest assessed due date becomes final for
 * the plant: later events dated before it are late (counted, and kept on the DLQ), whichever line sends them,
 * even a line that was idle long enough not to hold the watermark back.
 */
public final class FinalPeriods {

    private FinalPeriods() {
    }

    /**
     * The end of the latest due date whose month is closed when months from {@code openFromMillis} on are open;
     * {@code Long.MIN_VALUE} when no milestone is assessed yet.
     */
    public static long finalUntil(PlantPolicy policy, PlantCalendar calendar, long openFromMillis) {
        long until = Long.MIN_VALUE;
        for (Milestone milestone : policy.milestones()) {
            long end = calendar.startOf(milestone.due().plusDays(1));
            if (openFromMillis >= end) {
                until = Math.max(until, end);
            }
        }
        return until;
    }
}
