package io.pilotwatch.analytics.stats;

import java.util.Optional;

/**
 * The 95% interval of the ratio {@code θ1 / θ2} of two independent non-negative estimates, each given with its
 * own 95% interval: the MOVER-R method of Donner and Zou ("Closed-form confidence intervals for functions of the
 * normal mean and standard deviation", Stat Methods Med Res 2012; Newcombe's method of variance estimates
 * recovery for ratios). The limits solve
 * <pre>
 *   lower L:  (θ1 - L·θ2)² = (θ1 - l1)² + L²·(u2 - θ2)²
 *   upper U:  (θ1 - U·θ2)² = (u1 - θ1)² + U²·(θ2 - l2)²
 * </pre>
 * i.e. {@code L = (θ1θ2 - √((θ1θ2)² - l1·u2·(2θ1 - l1)·(2θ2 - u2))) / (u2·(2θ2 - u2))} and
 * {@code U = (θ1θ2 + √((θ1θ2)² - u1·l2·(2θ1 - u1)·(2θ2 - l2))) / (l2·(2θ2 - l2))}. With symmetric intervals
 * it is Fieller's interval; with Wilson intervals of two proportions it is Newcombe's ratio interval, which
 * stays finite when the numerator is 0 (no defect in the window).
 *
 * <p>Empty when the denominator's interval reaches 0 or its upper bound is twice its estimate: the ratio is
 * then unbounded (Fieller's open case) and nothing can be claimed.
 */
public final class MoverRatio {

    private MoverRatio() {
    }

    /** @return the interval of {@code numerator / denominator}; empty when it is unbounded */
    public static Optional<Interval> of(Interval numerator, Interval denominator) {
        double t1 = numerator.estimate();
        double l1 = numerator.lower();
        double u1 = numerator.upper();
        double t2 = denominator.estimate();
        double l2 = denominator.lower();
        double u2 = denominator.upper();
        if (l1 < 0 || !(t2 > 0) || !(l2 > 0) || !(u2 < 2 * t2)) {
            return Optional.empty();
        }
        double b = t1 * t2;
        double aLower = u2 * (2 * t2 - u2);
        double cLower = l1 * (2 * t1 - l1);
        double lower = (b - Math.sqrt(Math.max(0, b * b - aLower * cLower))) / aLower;
        double aUpper = l2 * (2 * t2 - l2);
        double cUpper = u1 * (2 * t1 - u1);
        double upper = (b + Math.sqrt(Math.max(0, b * b - aUpper * cUpper))) / aUpper;
        double ratio = t1 / t2;
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return Optional.empty();
        }
        return Optional.of(new Interval(ratio, Math.max(0, Math.min(lower, ratio)), Math.max(upper, ratio)));
    }
}
