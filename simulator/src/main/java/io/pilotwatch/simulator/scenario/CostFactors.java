package io.pilotwatch.simulator.scenario;

import io.pilotwatch.telemetry.CostCategory;

/** Multipliers of the cost per unit by category, each > 0, default 1 (unchanged). */
public record CostFactors(Double labor, Double material, Double energy, Double maintenance, Double other) {

    public static final CostFactors NONE = new CostFactors(null, null, null, null, null);

    public CostFactors {
        labor = labor == null ? 1.0 : labor;
        material = material == null ? 1.0 : material;
        energy = energy == null ? 1.0 : energy;
        maintenance = maintenance == null ? 1.0 : maintenance;
        other = other == null ? 1.0 : other;
    }

    /** The factor of one category. */
    public double of(CostCategory category) {
        return switch (category) {
            case LABOR -> labor;
            case MATERIAL -> material;
            case ENERGY -> energy;
            case MAINTENANCE -> maintenance;
            case OTHER -> other;
        };
    }
}
