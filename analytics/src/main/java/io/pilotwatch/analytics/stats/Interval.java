package io.pilotwatch.analytics.stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} around an estimate.
 *
 * @param estimate the point estimate
 * @param lower    the lower bound, never above {@code estimate}
 * @param upper    the upper bound, never below {@code estimate}
 */
public record Interval(double estimate, double lower, double upper) {

    public Interval {
        if (!(lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] does not hold " + estimate);
        }
    }

    /** A census value: no sampling uncertainty (the CNC ratio counts every key station). */
    public static Interval exact(double value) {
        return new Interval(value, value, value);
    }

    /** {@code estimate ± halfWidth}. */
    public static Interval around(double estimate, double halfWidth) {
        return new Interval(estimate, estimate - halfWidth, estimate + halfWidth);
    }
}
