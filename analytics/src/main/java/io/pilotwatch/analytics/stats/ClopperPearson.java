package io.pilotwatch.analytics.stats;

/**
 * The Clopper-Pearson ("exact") 95% interval of a proportion {@code k / n}: the proportions not rejected by either
 * one-sided binomial test at 2.5%. Its coverage is at least 95% for every true proportion and every n, which is
 * what a programme's share of plants needs: n is a handful of plants, where the Wilson interval's coverage dips
 * below its nominal level for some proportions.
 */
public final class ClopperPearson {

    private static final double TAIL = 0.025;

    private ClopperPearson() {
    }

    /** @param successes 0 to {@code trials}; @param trials at least 1 */
    public static Interval interval(int successes, int trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1, got "
                    + successes + " of " + trials);
        }
        double[] logChoose = logChoose(trials);
        double estimate = (double) successes / trials;
        // lower: P(X >= k | p) = 2.5%, i.e. P(X <= k - 1 | p) = 97.5% (the CDF falls as p rises)
        double lower = successes == 0 ? 0 : solve(p -> cdf(successes - 1, trials, p, logChoose), 1 - TAIL);
        // upper: P(X <= k | p) = 2.5%
        double upper = successes == trials ? 1 : solve(p -> cdf(successes, trials, p, logChoose), TAIL);
        return new Interval(estimate, Math.min(lower, estimate), Math.max(upper, estimate));
    }

    /** The p in (0, 1) where the decreasing function {@code f} equals {@code target}, by bisection. */
    private static double solve(java.util.function.DoubleUnaryOperator f, double target) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (f.applyAsDouble(mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** P(X <= k) for X ~ Binomial(n, p), summed in log space (n may be thousands of plants). */
    static double cdf(int k, int n, double p, double[] logChoose) {
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            sum += Math.exp(logChoose[i] + i * logP + (n - i) * logQ);
        }
        return Math.min(1, sum);
    }

    /** ln C(n, i) for i = 0..n. */
    static double[] logChoose(int n) {
        double[] log = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            log[i] = log[i - 1] + Math.log((double) (n - i + 1) / i);
        }
        return log;
    }
}
