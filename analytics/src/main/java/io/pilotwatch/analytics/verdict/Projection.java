package io.pilotwatch.analytics.verdict;

import java.time.LocalDate;

/**
 * Where the monthly trend of a KPI leads for a future milestone.
 *
 * @param verdict      {@code on_track}, {@code off_track}, or {@code inconclusive} with too few months
 * @param reason       why, in words
 * @param valueAtDue   the fitted line's value at the end of the due date; null when inconclusive
 * @param reachesOn    the date the fitted line reaches the threshold (possibly past) when it moves towards
 *                     it; null when it is flat or moves away
 * @param months       the monthly values fitted
 */
public record Projection(Verdict verdict, String reason, Double valueAtDue, LocalDate reachesOn, int months) {
}
