package io.pilotwatch.analytics.scorecard;

import io.pilotwatch.analytics.kpi.KpiValue;
import java.time.YearMonth;

/**
 * A KPI over one calendar month, a point of a trend chart.
 *
 * @param complete whether the month has ended on the plant's clock; the clock's own month is partial
 * @param value    the KPI with its interval and sample; null when the month has no data for it
 */
public record MonthValue(YearMonth month, boolean complete, KpiValue value) {
}
