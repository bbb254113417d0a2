package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.kpi.Kpi;

/**
 * The values a KPI can take: {@code [0, 1]} for ratios (defect rate, CNC ratio, OEE and its factors),
 * {@code [0, +Infinity)} for cycles, costs and energy per unit. A projection never claims a value outside it.
 */
public record PossibleRange(double lower, double upper) {

    public static PossibleRange of(Kpi kpi) {
        return "ratio".equals(kpi.unit()) ? new PossibleRange(0, 1) : new PossibleRange(0, Double.POSITIVE_INFINITY);
    }

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
