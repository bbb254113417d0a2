package io.pilotwatch.simulator.scenario;

/**
 * How a line behaves before any intervention.
 *
 * @param defect           probability that a unit is not good, and how bad units split by result
 * @param cycle            distribution of the production cycle ({@code completedAt - startedAt})
 * @param costPerUnit      operating cost per completed unit, by category (default 0)
 * @param costNoise        relative half-width of the uniform noise on each booking (default 0.05: +-5%)
 * @param energyKwhPerUnit energy per unit in kWh, sent with the energy cost (default 0)
 * @param machine          failures and setups of every station (default: none)
 */
public record BaselineSpec(DefectSpec defect, CycleSpec cycle, CostSpec costPerUnit, Double costNoise,
                           Double energyKwhPerUnit, MachineSpec machine) {

    public static final double DEFAULT_COST_NOISE = 0.05;

    public BaselineSpec {
        costPerUnit = costPerUnit == null ? CostSpec.ZERO : costPerUnit;
        costNoise = costNoise == null ? DEFAULT_COST_NOISE : costNoise;
        energyKwhPerUnit = energyKwhPerUnit == null ? 0.0 : energyKwhPerUnit;
        machine = machine == null ? MachineSpec.NONE : machine;
    }
}
