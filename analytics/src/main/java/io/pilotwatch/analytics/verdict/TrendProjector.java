package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.analytics.stats.LeastSquares;
import io.pilotwatch.analytics.targets.Target;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Projects a future milestone from the least-squares line through the KPI's monthly values, with the 95%
 * prediction interval of the KPI's value at the due date (t with n − 2 degrees of freedom). Time is counted in
 * months, each month's value placed at its middle; the due date is its day's end within its month.
 *
 * <p>{@code on_track} only when the whole interval reaches the threshold, {@code off_track} only when the whole
 * interval misses it, else {@code inconclusive}. No claim is made from fewer than 3 months (no residual error),
 * for a due date more than the horizon beyond the data, or when the line itself leaves the KPI's possible
 * range by the due date (a defect rate falling a point a month does not go below zero: the line has stopped
 * describing it). The interval is clipped to that range, which keeps its coverage.
 */
public final class TrendProjector {

    private TrendProjector() {
    }

    /**
     * @param points        the months fitted, each month at most once
     * @param minMonths     fewer points are {@code inconclusive} ({@code analytics.trend.min.months})
     * @param horizonMonths the furthest the due date may lie beyond the end of the last fitted month
     *                      ({@code analytics.trend.horizon.months})
     */
    public static Projection project(List<MonthPoint> points, Target target, double threshold, LocalDate due,
                                     int minMonths, int horizonMonths) {
        int n = points.size();
        if (n < minMonths) {
            return Projection.none(n + " complete months with enough data, fewer than the " + minMonths
                    + " a trend needs", null, n);
        }
        if (n < 3) {
            return Projection.none(n + " complete months with enough data: a prediction interval needs at least 3",
                    null, n);
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        double dataEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(points.get(i).value())) {
                return Projection.none("no finite value in " + points.get(i).month(), null, n);
            }
            xs[i] = index(points.get(i).month()) + 0.5;
            ys[i] = points.get(i).value();
            dataEnd = Math.max(dataEnd, xs[i] + 0.5);
        }
        LeastSquares line = LeastSquares.fit(xs, ys);
        double horizonEnd = dataEnd + horizonMonths;
        LocalDate reachesOn = reachesOn(line, target, threshold, horizonEnd);
        double dueX = index(YearMonth.from(due)) + (double) due.getDayOfMonth() / due.lengthOfMonth();
        if (dueX > horizonEnd) {
            return Projection.none("due date too far beyond the data: " + due + " is more than " + horizonMonths
                    + " months after the last fitted month " + monthAt(dataEnd - 1), reachesOn, n);
        }
        double atDue = line.valueAt(dueX);
        PossibleRange range = PossibleRange.of(target.kpi());
        if (!range.contains(atDue)) {
            return Projection.none("the fitted line is at " + number(atDue) + " at the due date, "
                    + (atDue < range.lower() ? "below " + number(range.lower()) : "above " + number(range.upper()))
                    + ", which " + target.kpi().wireName() + " cannot be: a straight line does not describe it "
                    + "that far ahead", reachesOn, n);
        }
        Interval interval = line.predictionInterval(dueX);
        double lower = Math.max(range.lower(), interval.lower());
        double upper = Math.min(range.upper(), interval.upper());
        String stated = "95% prediction interval at the due date [" + number(lower) + ", " + number(upper) + "]";
        boolean reduction = target.type() == Target.Type.REDUCTION;
        boolean lowerReaches = target.reached(lower, threshold);
        boolean upperReaches = target.reached(upper, threshold);
        Verdict verdict;
        String reason;
        if (lowerReaches && upperReaches) {
            verdict = Verdict.ON_TRACK;
            reason = "trend reaches the target: " + stated + " wholly " + (reduction ? "at or below" : "at or above")
                    + " the threshold " + number(threshold);
        } else if (!lowerReaches && !upperReaches) {
            verdict = Verdict.OFF_TRACK;
            reason = "trend misses the target: " + stated + " wholly " + (reduction ? "above" : "below")
                    + " the threshold " + number(threshold);
        } else {
            verdict = Verdict.INCONCLUSIVE;
            reason = stated + " straddles the threshold " + number(threshold);
        }
        return new Projection(verdict, reason, atDue, lower, upper, reachesOn, n);
    }

    /** When the line reaches the threshold moving towards it, unless that is beyond the horizon. */
    private static LocalDate reachesOn(LeastSquares line, Target target, double threshold, double horizonEnd) {
        boolean improving = target.type() == Target.Type.REDUCTION ? line.slope() < 0 : line.slope() > 0;
        OptionalDouble crossing = line.xWhere(threshold);
        if (!improving || crossing.isEmpty() || crossing.getAsDouble() > horizonEnd) {
            return null;
        }
        return dateAt(crossing.getAsDouble());
    }

    /** Months since year 0. */
    static double index(YearMonth month) {
        return month.getYear() * 12.0 + month.getMonthValue() - 1;
    }

    private static YearMonth monthAt(double x) {
        long whole = (long) Math.floor(x);
        return YearMonth.of((int) (whole / 12), (int) (whole % 12) + 1);
    }

    /** The date at a fractional month index; null beyond the years dates can hold. */
    static LocalDate dateAt(double x) {
        if (!(x >= 0 && x < 10_000 * 12.0)) {
            return null;
        }
        long whole = (long) Math.floor(x);
        YearMonth month = monthAt(x);
        int day = (int) Math.floor((x - whole) * month.lengthOfMonth()) + 1;
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    /** Four significant digits, plain: 0.065, 4900, 3040. */
    static String number(double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
