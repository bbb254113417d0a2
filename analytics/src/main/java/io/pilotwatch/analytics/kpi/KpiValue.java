package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.stats.Interval;

/**
 * One KPI figure over one scope and window.
 *
 * @param value      the estimate
 * @param lower      the 95% interval's lower bound; null when the sample is too small for one
 * @param upper      its upper bound; null likewise
 * @param sampleSize what the interval rests on: units (defect rate, cycle), days (per-good-unit ratios),
 *                   key stations (CNC ratio), units (OEE and its factors)
 */
public record KpiValue(double value, Double lower, Double upper, long sampleSize) {

    public static KpiValue of(Interval interval, long sampleSize) {
        return new KpiValue(interval.estimate(), interval.lower(), interval.upper(), sampleSize);
    }

    public static KpiValue withoutInterval(double value, long sampleSize) {
        return new KpiValue(value, null, null, sampleSize);
    }

    public boolean hasInterval() {
        return lower != null && upper != null;
    }
}
