package io.pilotwatch.simulator.scenario;

import io.pilotwatch.telemetry.CostCategory;
import java.math.BigDecimal;

/**
 * Operating cost per unit by category, in the plant's currency; each >= 0, default 0.
 * {@code energy} and {@code labor} are booked on every station of the line in equal shares;
 * {@code material}, {@code maintenance} and {@code other} on the line's last station.
 */
public record CostSpec(BigDecimal labor, BigDecimal material, BigDecimal energy, BigDecimal maintenance,
                       BigDecimal other) {

    public static final CostSpec ZERO = new CostSpec(null, null, null, null, null);

    public CostSpec {
        labor = labor == null ? BigDecimal.ZERO : labor;
        material = material == null ? BigDecimal.ZERO : material;
        energy = energy == null ? BigDecimal.ZERO : energy;
        maintenance = maintenance == null ? BigDecimal.ZERO : maintenance;
        other = other == null ? BigDecimal.ZERO : other;
    }

    /** The amount of one category. */
    public BigDecimal of(CostCategory category) {
        return switch (category) {
            case LABOR -> labor;
            case MATERIAL -> material;
            case ENERGY -> energy;
            case MAINTENANCE -> maintenance;
            case OTHER -> other;
        };
    }
}
