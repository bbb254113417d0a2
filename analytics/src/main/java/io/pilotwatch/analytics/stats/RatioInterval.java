package io.pilotwatch.analytics.stats;

import java.util.List;

/**
 * The interval of a ratio of sums {@code R = Σx / Σy} (cost per good unit, kWh per good unit) by the
 * delta method, with the days as independent clusters: each day contributes its total {@code x_i} and
 * {@code y_i}, and
 * <pre>
 *   Var(R) ≈ n / (n - 1) · Σ (x_i - R·y_i)² / (Σy)²
 * </pre>
 * (the classical ratio-estimator variance). The bound uses t with n - 1 degrees of freedom, so a
 * handful of days gives an honest, wide interval. Days are the clusters because costs are booked per
 * shift or per day while units finish one by one: a per-unit variance would pretend to know more.
 */
public final class RatioInterval {

    /** One cluster's totals. */
    public record Cluster(double x, double y) {
    }

    private RatioInterval() {
    }

    /** @param clusters at least 2, with a positive {@code Σy} */
    public static Interval of(List<Cluster> clusters) {
        int n = clusters.size();
        if (n < 2) {
            throw new IllegalArgumentException("a ratio's interval needs at least 2 clusters, got " + n);
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
        double variance = n / (n - 1.0) * residuals / (sumY * sumY);
        return Interval.around(ratio, StudentT.quantile975(n - 1L) * Math.sqrt(variance));
    }
}
