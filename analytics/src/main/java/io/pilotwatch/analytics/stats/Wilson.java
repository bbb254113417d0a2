package io.pilotwatch.analytics.stats;

/**
 * The Wilson score interval of a proportion: unlike the normal ("Wald") interval it stays inside [0, 1]
 * and keeps its coverage for small samples and proportions near 0, which defect rates are.
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * @param successes the count of "successes" (here: units that are not good), 0 to {@code trials}
     * @param trials    the sample size, at least 1
     */
    public static Interval interval(long successes, long trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got "
                    + successes + " of " + trials);
        }
        double n = trials;
        double p = successes / n;
        double z2 = Confidence.Z_95 * Confidence.Z_95;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2 * n)) / denominator;
        double half = Confidence.Z_95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // Rounding can put a bound a hair outside [0, 1] or past p at the extremes; clamp to what is possible.
        return new Interval(p, Math.max(0, Math.min(p, center - half)), Math.min(1, Math.max(p, center + half)));
    }
}
