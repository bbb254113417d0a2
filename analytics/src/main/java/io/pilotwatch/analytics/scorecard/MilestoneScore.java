package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.verdict.Verdict;
import java.time.LocalDate;

/**
 * One KPI against one milestone.
 *
 * @param status       {@code assessed} (the due date's window is final) or {@code projected} (a future milestone)
 * @param threshold    the value to reach: baseline x (1 - reduction), or the floor; null without a baseline
 * @param windowFrom   the assessment window (assessed) or the trailing window (projected)
 * @param value        the KPI over that window, with its interval and sample size; null without data
 * @param progress     achieved / required (see {@link io.pilotwatch.analytics.verdict.Progress}); null if undefined
 * @param projectedValueAtDue  the trend's value at the due date (projected only)
 * @param projectedDate        when the trend reaches the threshold (projected only, null if never)
 * @param trendMonths          the monthly values the trend was fitted to
 * @param ratioToBaseline      assessed reductions against a learned baseline: the interval of window / baseline the
 *                             verdict rests on, and the ratio the target allows; null otherwise
 * @param projectedLowerAtDue  the 95% prediction interval of the KPI at the due date (projected only; null when no
 *                             projection was made), clipped to the values the KPI can take
 * @param projectedUpperAtDue  its upper bound
 */
public record MilestoneScore(String milestone, LocalDate due, String targetType, double targetAmount,
                             Double threshold, String status, LocalDate windowFrom, LocalDate windowTo,
                             KpiValue value, Verdict verdict, String reason, Double progress,
                             Double projectedValueAtDue, LocalDate projectedDate, int trendMonths,
                             RatioToBaseline ratioToBaseline, Double projectedLowerAtDue,
                             Double projectedUpperAtDue) {

    /**
     * The window's value over the baseline with its 95% interval, and {@code 1 - r}: {@code met} when
     * {@code upper <= allowed}, {@code not_met} when {@code lower > allowed}.
     */
    public record RatioToBaseline(double value, double lower, double upper, double allowed) {
    }
}
