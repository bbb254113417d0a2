package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.stats.LeastSquares;
import io.pilotwatch.analytics.targets.Target;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Projects a future milestone from the least-squares line through the KPI's monthly values. Time is
 * counted in months, each month's value placed at its middle; the due date is its day's end within its
 * month. {@code on_track} when the line's value at the due date reaches the threshold.
 */
public final class TrendProjector {

    private TrendProjector() {
    }

    public static Projection project(List<MonthPoint> points, Target target, double threshold, LocalDate due,
                                     int minMonths) {
        if (points.size() < minMonths) {
            return new Projection(Verdict.INCONCLUSIVE, points.size() + " complete months with enough data, "
                    + "fewer than the " + minMonths + " a trend needs", null, null, points.size());
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = index(points.get(i).month()) + 0.5;
            ys[i] = points.get(i).value();
        }
        LeastSquares line = LeastSquares.fit(xs, ys);
        double dueX = index(YearMonth.from(due)) + (double) due.getDayOfMonth() / due.lengthOfMonth();
        double atDue = line.valueAt(dueX);
        boolean improving = target.type() == Target.Type.REDUCTION ? line.slope() < 0 : line.slope() > 0;
        LocalDate reachesOn = null;
        OptionalDouble crossing = line.xWhere(threshold);
        if (improving && crossing.isPresent()) {
            reachesOn = dateAt(crossing.getAsDouble());
        }
        boolean onTrack = target.reached(atDue, threshold);
        return new Projection(onTrack ? Verdict.ON_TRACK : Verdict.OFF_TRACK,
                onTrack ? "trend reaches the target by the due date" : "trend misses the target at the due date",
                atDue, reachesOn, points.size());
    }

    /** Months since year 0. */
    static double index(YearMonth month) {
        return month.getYear() * 12.0 + month.getMonthValue() - 1;
    }

    /** The date at a fractional month index; null beyond the years dates can hold. */
    static LocalDate dateAt(double x) {
        if (!(x >= 0 && x < 10_000 * 12.0)) {
            return null;
        }
        long whole = (long) Math.floor(x);
        YearMonth month = YearMonth.of((int) (whole / 12), (int) (whole % 12) + 1);
        int day = (int) Math.floor((x - whole) * month.lengthOfMonth()) + 1;
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
