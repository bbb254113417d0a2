package io.pilotwatch.analytics.stats;

/** The t interval of a mean: {@code mean ± t(0.975, n - 1) * s / sqrt(n)}, s the sample standard deviation. */
public final class MeanInterval {

    private MeanInterval() {
    }

    /**
     * @param count                 the sample size, at least 2
     * @param mean                  the sample mean
     * @param sumOfSquaredDeviations {@code Σ (x - mean)²} (Welford's M2)
     */
    public static Interval of(long count, double mean, double sumOfSquaredDeviations) {
        if (count < 2) {
            throw new IllegalArgumentException("a mean's interval needs at least 2 values, got " + count);
        }
        double variance = Math.max(0, sumOfSquaredDeviations) / (count - 1);
        return Interval.around(mean, StudentT.quantile975(count - 1) * Math.sqrt(variance / count));
    }
}
