package io.pilotwatch.analytics.stats;

import java.util.List;
import java.util.Optional;

/**
 * The mean of a few independent values with its 95% Student t interval, {@code mean ± t(n-1) · s / sqrt(n)}: the
 * programme's mean of the plants' CNC ratios, the plants taken as a sample of plants like them. Assumes the values
 * roughly normal; with a handful of plants the interval is wide, as it should be.
 */
public final class SampleMean {

    private SampleMean() {
    }

    /** The mean and its interval; empty for fewer than two values (no spread to judge by). */
    public static Optional<Interval> of(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Optional.empty();
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double half = StudentT.quantile975(n - 1) * Math.sqrt(squares / (n - 1) / n);
        return Optional.of(Interval.around(mean, half));
    }
}
