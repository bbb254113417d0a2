package io.pilotwatch.analytics.targets;

import io.pilotwatch.analytics.kpi.Kpi;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a KPI must reach by a milestone.
 *
 * @param kpi    a targeted KPI
 * @param type   a reduction against the plant's baseline, or an absolute floor
 * @param amount the required reduction as a fraction (0.30 = -30%), or the floor (0.50 = 50%)
 */
public record Target(Kpi kpi, Type type, double amount) {

    public enum Type {
        /** {@code value <= baseline · (1 - amount)}. */
        REDUCTION,
        /** {@code value >= amount}. */
        AT_LEAST
    }

    public Target {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(type, "type");
    }

    public boolean needsBaseline() {
        return type == Type.REDUCTION;
    }

    /**
     * The value the KPI must reach: the baseline reduced, or the floor itself (baseline ignored). Computed in
     * decimal, so that a baseline of 0.10 reduced by 30% is 0.07 as written, not 0.06999999999999999.
     */
    public double threshold(double baseline) {
        if (type == Type.AT_LEAST) {
            return amount;
        }
        return BigDecimal.valueOf(baseline).multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(amount))).doubleValue();
    }

    /** Whether {@code value} is on the target's side of {@code threshold} (reaching it counts). */
    public boolean reached(double value, double threshold) {
        return type == Type.REDUCTION ? value <= threshold : value >= threshold;
    }
}
