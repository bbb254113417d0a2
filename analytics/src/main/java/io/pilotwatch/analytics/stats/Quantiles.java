package io.pilotwatch.analytics.stats;

import java.util.List;

/**
 * Quantiles of a small sample by linear interpolation between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy): for sorted {@code x[0..n-1]} the q-quantile is at position {@code h = (n - 1) q}.
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** @param sorted ascending, not empty; @param q 0 to 1 */
    public static double of(List<Double> sorted, double q) {
        if (sorted.isEmpty() || !(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("need a non-empty sample and 0 <= q <= 1, got " + sorted.size()
                    + " values and q=" + q);
        }
        double h = (sorted.size() - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (h - below) * (sorted.get(above) - sorted.get(below));
    }
}
