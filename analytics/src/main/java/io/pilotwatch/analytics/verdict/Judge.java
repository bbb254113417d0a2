package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.targets.Target;
import java.util.Optional;

/**
 * Judges a KPI over an assessment window against a target: {@code met} only when the whole 95% interval
 * reaches the threshold, {@code not_met} only when the whole interval misses it, else {@code inconclusive};
 * and {@code inconclusive} whenever the sample is below the configured minimum, however the interval lies.
 */
public final class Judge {

    private Judge() {
    }

    /**
     * @param threshold the value the KPI must reach ({@link Target#threshold}); empty when the baseline is missing
     * @param minSample the minimum sample size (units, days or key stations) for a verdict
     */
    public static Assessment judge(Target target, Optional<Double> threshold, Optional<KpiValue> value,
                                   long minSample) {
        if (threshold.isEmpty()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no baseline");
        }
        if (value.isEmpty()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no data in the window");
        }
        KpiValue v = value.get();
        if (v.sampleSize() < minSample) {
            return new Assessment(Verdict.INCONCLUSIVE, "sample " + v.sampleSize() + " is below the minimum "
                    + minSample);
        }
        if (!v.hasInterval()) {
            return new Assessment(Verdict.INCONCLUSIVE, "no interval (sample too small)");
        }
        double t = threshold.get();
        boolean lowerReaches = target.reached(v.lower(), t);
        boolean upperReaches = target.reached(v.upper(), t);
        if (lowerReaches && upperReaches) {
            return new Assessment(Verdict.MET, "whole interval reaches the target");
        }
        if (!lowerReaches && !upperReaches) {
            return new Assessment(Verdict.NOT_MET, "whole interval misses the target");
        }
        return new Assessment(Verdict.INCONCLUSIVE, "interval straddles the target");
    }
}
