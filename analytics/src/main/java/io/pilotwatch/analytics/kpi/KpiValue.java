package io.pilotwatch.analytics.kpi;

import io.pilotwatch.analytics.stats.Interval;

/**
 * One KPI figure over one scope and window.
 *
 * @param value      the estimate
 * @param lower      the 95% interval's lower bound; null when the data are too few for one (fewer than 2 days)
 * @param upper      its upper bound; null likewise
 * @param sampleSize what the figure rests on: units (defect rate, cycle, OEE and its factors), days with a unit or
 *                   the KPI's input (per-good-unit ratios), key stations (CNC ratio)
 * @param days       the days that held the KPI's own input (units; cost bookings; energy readings): the
 *                   independent observations of its interval; 0 for the CNC ratio (a census)
 */
public record KpiValue(double value, Double lower, Double upper, long sampleSize, long days) {

    public static KpiValue of(Interval interval, long sampleSize, long days) {
        return new KpiValue(interval.estimate(), interval.lower(), interval.upper(), sampleSize, days);
    }

    public static KpiValue withoutInterval(double value, long sampleSize, long days) {
        return new KpiValue(value, null, null, sampleSize, days);
    }

    public boolean hasInterval() {
        return lower != null && upper != null;
    }

    /** The interval, when there is one. */
    public Interval interval() {
        return new Interval(value, lower, upper);
    }
}
