package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.stats.Interval;

/**
 * A verdict with the reason for it, in a few words an evaluator can read, and for a reduction judged against a
 * learned baseline the interval of window / baseline it rests on.
 *
 * @param ratio the 95% interval of the window's value over the baseline; null when not judged on a ratio
 */
public record Assessment(Verdict verdict, String reason, Interval ratio) {

    public Assessment(Verdict verdict, String reason) {
        this(verdict, reason, null);
    }
}
