package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.KpiValue;

/**
 * A KPI over one calendar year of the plant (its path since the baseline).
 *
 * @param year     the plant-local calendar year
 * @param complete whether the year is over on the plant's clock (the clock's own year is so far)
 * @param value    the KPI with its 95% interval; null without data in that year
 */
public record YearValue(int year, boolean complete, KpiValue value) {
}
