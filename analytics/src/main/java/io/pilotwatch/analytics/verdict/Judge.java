package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Coverage;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.stats.Interval;
import io.pilotwatch.analytics.stats.MoverRatio;
import io.pilotwatch.analytics.targets.Target;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Judges a KPI over an assessment window against a target. {@code met} only when the whole 95% interval is on the
 * target's side, {@code not_met} only when it is wholly on the other side, else {@code inconclusive}; and
 * {@code inconclusive}, with the reason, whenever the evidence is short: no baseline, no data, a month with
 * production but without the KPI's input, a sample below the minimum.
 *
 * <p>A reduction against a <em>learned</em> baseline is judged on the interval of window / baseline
 * ({@link MoverRatio}), which carries the uncertainty of both periods, against {@code 1 - r}. A <em>configured</em>
 * baseline (an audited figure) is treated as exact: the window's interval is compared with
 * {@code baseline × (1 - r)}. Each side of a two-sided 95% interval is a one-sided 97.5% bound, so a {@code met}
 * given when the truth is exactly at the threshold is wrong at most 2.5% of the time (measured in
 * {@code VerdictCalibrationTest}).
 */
public final class Judge {

    /**
     * The minimums a window must reach before it is judged.
     *
     * @param minUnits units (defect rate, production cycle)
     * @param minDays  days holding the KPI's input (every KPI but the CNC ratio)
     */
    public record Minimums(long minUnits, int minDays) {
    }

    private Judge() {
    }

    /**
     * @param baseline the plant's frozen baseline of the KPI, if any (needed by reduction targets only)
     * @param value    the KPI over the assessment window; empty without data
     * @param coverage where the KPI's input was reported in the window
     */
    public static Assessment judge(Target target, Optional<Baseline> baseline, Optional<KpiValue> value,
                                   Coverage coverage, Minimums minimums) {
        if (target.type() == Target.Type.AT_LEAST) {
            return value.map(v -> onInterval(target, v, target.amount(), ""))
                    .orElseGet(() -> new Assessment(Verdict.INCONCLUSIVE, "no data in the window"));
        }
        if (baseline.isEmpty()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no baseline (not frozen yet)");
        }
        Baseline b = baseline.get();
        if (!b.hasValue()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no baseline (" + b.missingReason() + ")");
        }
        if (value.isEmpty()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no data in the window");
        }
        Optional<String> shortfall = shortOfEvidence(target.kpi(), value.get(), coverage, minimums);
        if (shortfall.isPresent()) {
            return new Assessment(Verdict.INCONCLUSIVE, shortfall.get());
        }
        KpiValue v = value.get();
        if (b.exact()) {
            return onInterval(target, v, target.threshold(b.value()), " (configured baseline " + number(b.value())
                    + " treated as exact)");
        }
        if (b.lower() == null || b.upper() == null) {
            return new Assessment(Verdict.INCONCLUSIVE, "the learned baseline has no interval");
        }
        Optional<Interval> ratio = MoverRatio.of(v.interval(), new Interval(b.value(), b.lower(), b.upper()));
        if (ratio.isEmpty()) {
            return new Assessment(Verdict.INCONCLUSIVE, "the learned baseline's interval reaches 0: "
                    + "the ratio to it is unbounded");
        }
        return onRatio(ratio.get(), allowedRatio(target));
    }

    /** {@code 1 - r}, in decimal (1 - 0.3 is 0.7, not 0.7000000000000001). */
    public static double allowedRatio(Target target) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(target.amount())).doubleValue();
    }

    private static Assessment onRatio(Interval ratio, double allowed) {
        String shown = "ratio to baseline " + number(ratio.estimate()) + " [" + number(ratio.lower()) + ", "
                + number(ratio.upper()) + "]";
        if (ratio.upper() <= allowed) {
            return new Assessment(Verdict.MET, shown + " is wholly at or below " + number(allowed), ratio);
        }
        if (ratio.lower() > allowed) {
            return new Assessment(Verdict.NOT_MET, shown + " is wholly above " + number(allowed), ratio);
        }
        return new Assessment(Verdict.INCONCLUSIVE, shown + " straddles " + number(allowed), ratio);
    }

    private static Assessment onInterval(Target target, KpiValue v, double threshold, String note) {
        if (!v.hasInterval()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no interval (data on fewer than 2 days)" + note);
        }
        boolean lowerReaches = target.reached(v.lower(), threshold);
        boolean upperReaches = target.reached(v.upper(), threshold);
        String shown = "interval [" + number(v.lower()) + ", " + number(v.upper()) + "]";
        if (lowerReaches && upperReaches) {
            return new Assessment(Verdict.MET, "whole " + shown + " reaches " + number(threshold) + note);
        }
        if (!lowerReaches && !upperReaches) {
            return new Assessment(Verdict.NOT_MET, "whole " + shown + " misses " + number(threshold) + note);
        }
        return new Assessment(Verdict.INCONCLUSIVE, shown + " straddles " + number(threshold) + note);
    }

    private static Optional<String> shortOfEvidence(Kpi kpi, KpiValue v, Coverage coverage, Minimums minimums) {
        if (!coverage.gaps().isEmpty()) {
            String input = kpi == Kpi.OPERATING_COST ? "cost bookings" : "energy readings";
            return Optional.of(input + " missing in " + coverage.gaps().stream().map(YearMonth::toString)
                    .collect(Collectors.joining(", ")) + ", months with production");
        }
        boolean unitBased = kpi == Kpi.DEFECT_RATE || kpi == Kpi.PRODUCTION_CYCLE;
        if (unitBased && v.sampleSize() < minimums.minUnits()) {
            return Optional.of(v.sampleSize() + " units, fewer than the minimum " + minimums.minUnits());
        }
        if (v.days() < minimums.minDays()) {
            return Optional.of("data on " + v.days() + " days, fewer than the minimum " + minimums.minDays());
        }
        return Optional.empty();
    }

    /** Four significant digits, for reasons. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
