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
        return interval((double) successes / trials, trials, Confidence.Z_95);
    }

    /**
     * The Wilson interval of proportion {@code p} with an effective sample size and quantile: for clustered
     * data, {@code n} is the units divided by the design effect and {@code q} a t quantile with the clusters'
     * degrees of freedom (see {@link ClusteredProportion}).
     *
     * @param p proportion, 0 to 1
     * @param n effective sample size, > 0
     * @param q the quantile, e.g. 1.959964 for 95%
     */
    public static Interval interval(double p, double n, double q) {
        if (!(p >= 0 && p <= 1) || !(n > 0) || !(q > 0)) {
            throw new IllegalArgumentException("need 0 <= p <= 1, n > 0 and q > 0, got p=" + p + ", n=" + n
                    + ", q=" + q);
        }
        double q2 = q * q;
        double denominator = 1 + q2 / n;
        double center = (p + q2 / (2 * n)) / denominator;
        double half = q / denominator * Math.sqrt(p * (1 - p) / n + q2 / (4 * n * n));
        // Rounding can put a bound a hair outside [0, 1] or past p at the extremes; clamp to what is possible.
        return new Interval(p, Math.max(0, Math.min(p, center - half)), Math.min(1, Math.max(p, center + half)));
    }
}
