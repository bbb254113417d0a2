package io.pilotwatch.analytics.stats;

import io.pilotwatch.analytics.stats.ClusteredRatio.Cluster;
import java.util.List;

/**
 * The interval of a proportion (the defect rate) whose units come in clusters (days): the Wilson score interval
 * with the units divided by the design effect and Student's t with {@code days - 1} degrees of freedom instead
 * of z.
 *
 * <p>The design effect is the cluster-robust variance of the proportion ({@link ClusteredRatio}) over the
 * binomial one, {@code p(1 - p) / N}, floored at 1: day-to-day swings (a bad batch, a new operator) widen the
 * interval, while a lucky run of alike days never makes it narrower than independent units would. With no
 * defect (or only defects) the binomial variance is 0 and the design effect cannot be estimated: 1 is used.
 */
public final class ClusteredProportion {

    private ClusteredProportion() {
    }

    /**
     * @param days per day: x = units that are not good, y = units; at least 2 days with units
     */
    public static Interval interval(List<Cluster> days) {
        ClusteredRatio ratio = ClusteredRatio.of(days);
        double units = 0;
        for (Cluster day : days) {
            units += day.y();
        }
        double p = Math.min(1, Math.max(0, ratio.ratio()));
        return Wilson.interval(p, units / designEffect(ratio, units), ratio.quantile());
    }

    /** Cluster-robust over binomial variance, at least 1; 1 when the binomial variance is 0. */
    static double designEffect(ClusteredRatio ratio, double units) {
        double p = ratio.ratio();
        double binomial = p * (1 - p) / units;
        return binomial > 0 ? Math.max(1, ratio.variance() / binomial) : 1;
    }
}
