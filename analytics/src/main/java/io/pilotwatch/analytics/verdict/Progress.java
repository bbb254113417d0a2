package io.pilotwatch.analytics.verdict;

import io.pilotwatch.analytics.targets.Target;
import java.util.Optional;

/**
 * Progress towards a target as a ratio: 1 means exactly there, above 1 beyond it.
 * <ul>
 *   <li>reduction targets: achieved reduction / required reduction, with achieved = 1 - value / baseline;</li>
 *   <li>floors (CNC ratio): (value - baseline) / (floor - baseline), the share of the way from the baseline
 *       to the floor; empty when the baseline is missing or already at or above the floor.</li>
 * </ul>
 */
public final class Progress {

    private Progress() {
    }

    public static Optional<Double> ratio(Target target, Optional<Double> baseline, double value) {
        if (baseline.isEmpty()) {
            return Optional.empty();
        }
        double b = baseline.get();
        if (target.type() == Target.Type.REDUCTION) {
            return b == 0 ? Optional.empty() : Optional.of((1 - value / b) / target.amount());
        }
        return target.amount() > b ? Optional.of((value - b) / (target.amount() - b)) : Optional.empty();
    }
}
