package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.scenario.BaselineSpec;
import io.pilotwatch.simulator.scenario.CycleSpec;
import io.pilotwatch.simulator.scenario.DefectSplit;
import io.pilotwatch.simulator.scenario.InterventionSpec;
import io.pilotwatch.simulator.scenario.LineSpec;
import io.pilotwatch.simulator.scenario.MachineSpec;
import io.pilotwatch.telemetry.CostCategory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * A line's behaviour in force at some moment: the baseline with every intervention so far applied.
 * Immutable; {@link #apply} returns the next one.
 */
record LineParams(double ratePerHour, boolean uniformArrivals, double defectProbability, DefectSplit split,
                  boolean constantCycle, double cycleMeanSeconds, double cycleCv,
                  Map<CostCategory, BigDecimal> costPerUnit, double energyKwhPerUnit, double costNoise,
                  Double mtbfHours, double mttrHours, Double setupEveryHours, double setupMinutes) {

    static LineParams baseline(LineSpec line) {
        BaselineSpec base = line.baseline();
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            costs.put(category, base.costPerUnit().of(category));
        }
        MachineSpec machine = base.machine();
        return new LineParams(line.ratePerHour(), LineSpec.UNIFORM.equals(line.arrivals()),
                base.defect().probability(), base.defect().split(),
                CycleSpec.CONSTANT.equals(base.cycle().distribution()), base.cycle().meanSeconds(), base.cycle().cv(),
                Map.copyOf(costs), base.energyKwhPerUnit(), base.costNoise(),
                machine.mtbfHours(), machine.mttrHours(), machine.setupEveryHours(), machine.setupMinutes());
    }

    /** These parameters changed by one intervention; factors compound. */
    LineParams apply(InterventionSpec change) {
        Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
        for (CostCategory category : CostCategory.values()) {
            double factor = change.cost().of(category) * (category == CostCategory.ENERGY ? change.energy() : 1.0);
            costs.put(category, costPerUnit.get(category).multiply(BigDecimal.valueOf(factor), MathContext.DECIMAL64));
        }
        return new LineParams(ratePerHour * change.rate(), uniformArrivals, defectProbability * change.defect(), split,
                constantCycle, cycleMeanSeconds * change.cycle(), cycleCv, Map.copyOf(costs),
                energyKwhPerUnit * change.energy(), costNoise,
                mtbfHours == null ? null : mtbfHours * change.mtbf(), mttrHours * change.mttr(),
                setupEveryHours, setupMinutes);
    }
}
