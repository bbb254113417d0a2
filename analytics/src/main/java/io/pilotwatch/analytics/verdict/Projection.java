package io.pilotwatch.analytics.verdict;

import java.time.LocalDate;

/**
 * Where the monthly trend of a KPI leads for a future milestone.
 *
 * @param verdict      {@code on_track} when the whole 95% prediction interval at the due date reaches the
 *                     threshold, {@code off_track} when the whole interval misses it, else {@code inconclusive}
 * @param reason       why, in words, with the interval and the threshold
 * @param valueAtDue   the fitted line's value at the end of the due date; null when no projection is made
 *                     (too few months, due date beyond the horizon, line outside the KPI's possible range)
 * @param lowerAtDue   the 95% prediction interval's lower bound at the due date, clipped to the KPI's possible
 *                     range; null exactly when {@code valueAtDue} is
 * @param upperAtDue   its upper bound, clipped likewise; null exactly when {@code valueAtDue} is
 * @param reachesOn    the date the fitted line reaches the threshold (possibly past) when it moves towards it
 *                     and that date lies within the horizon; null otherwise
 * @param months       the monthly values fitted
 */
public record Projection(Verdict verdict, String reason, Double valueAtDue, Double lowerAtDue, Double upperAtDue,
                         LocalDate reachesOn, int months) {

    static Projection none(String reason, LocalDate reachesOn, int months) {
        return new Projection(Verdict.INCONCLUSIVE, reason, null, null, null, reachesOn, months);
    }
}
