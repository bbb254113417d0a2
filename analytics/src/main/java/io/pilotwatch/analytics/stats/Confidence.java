package io.pilotwatch.analytics.stats;

/** The confidence level used everywhere: 95%, two-sided. */
public final class Confidence {

    /** The 0.975 quantile of the standard normal distribution. */
    public static final double Z_95 = 1.959963984540054;

    private Confidence() {
    }
}
