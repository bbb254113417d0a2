package io.pilotwatch.simulator.truth;

/**
 * Exact percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the values. p50 of {1, 2, 3, 4} is 2.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted values in ascending order, at least one
     * @param p      percentile, greater than 0 and at most 100
     */
    public static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        // Integer arithmetic where possible, so that p90 of 10 values is rank 9, not 9.000000000000002 -> 10.
        long rank = p == Math.rint(p) ? ((long) p * sorted.length + 99) / 100 : (long) Math.ceil(p / 100 * sorted.length);
        return sorted[(int) Math.max(1, rank) - 1];
    }
}
