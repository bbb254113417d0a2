package io.pilotwatch.analytics.verdict;

import java.time.YearMonth;

/** A KPI's value over one complete calendar month, for the trend. */
public record MonthPoint(YearMonth month, double value) {
}
