package io.pilotwatch.analytics.stats;

import java.util.List;

/**
 * A ratio of sums {@code R = Σx / Σy} over clusters (the days of a window) with the cluster-robust variance of
 * the classical ratio estimator (delta method, days as the independent observations):
 * <pre>
 *   Var(R) ≈ n / (n - 1) · Σ (x_i - R·y_i)² / (Σy)²
 * </pre>
 * Every KPI with a Box 2 reduction target is such a ratio: defective / units, Σ cycle / units, cost / good
 * units, kWh / good units. Units of one day share their shift, batch and material, so they are not independent;
 * the day is. The interval's quantile is Student's t with {@code n - 1} degrees of freedom.
 *
 * @param ratio    {@code Σx / Σy}
 * @param variance the cluster-robust variance of {@code ratio}
 * @param clusters {@code n}, the clusters with data
 */
public record ClusteredRatio(double ratio, double variance, int clusters) {

    /** One cluster's totals. */
    public record Cluster(double x, double y) {
    }

    /** @param clusters at least 2, with a positive {@code Σy} */
    public static ClusteredRatio of(List<Cluster> clusters) {
        int n = clusters.size();
        if (n < 2) {
            throw new IllegalArgumentException("a clustered ratio needs at least 2 clusters, got " + n);
        }
        double sumX = 0;
        double sumY = 0;
        for (Cluster c : clusters) {
            sumX += c.x();
            sumY += c.y();
        }
        if (!(sumY > 0)) {
            throw new IllegalArgumentException("the denominator's sum must be > 0, got " + sumY);
        }
        double ratio = sumX / sumY;
        double residuals = 0;
        for (Cluster c : clusters) {
            double r = c.x() - ratio * c.y();
            residuals += r * r;
        }
        return new ClusteredRatio(ratio, n / (n - 1.0) * residuals / (sumY * sumY), n);
    }

    /** The 0.975 quantile of t with {@code clusters - 1} degrees of freedom. */
    public double quantile() {
        return StudentT.quantile975(clusters - 1L);
    }

    /** {@code ratio ± t · √variance}, the variance floored at {@code minimumVariance}. */
    public Interval interval(double minimumVariance) {
        return Interval.around(ratio, quantile() * Math.sqrt(Math.max(variance, minimumVariance)));
    }
}
