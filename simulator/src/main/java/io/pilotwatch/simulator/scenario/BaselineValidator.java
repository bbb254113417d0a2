package io.pilotwatch.simulator.scenario;

import io.pilotwatch.telemetry.CostCategory;
import java.math.BigDecimal;

/** Checks a line's baseline behaviour. */
final class BaselineValidator {

    private static final BigDecimal MAX_COST_PER_UNIT = new BigDecimal("1e9");
    private static final double MAX_SECONDS = 10 * 365 * 86_400.0;
    private static final double MAX_HOURS = 100 * 365 * 24.0;

    private final Checks checks;

    BaselineValidator(Checks checks) {
        this.checks = checks;
    }

    void validate(BaselineSpec baseline, String path) {
        if (checks.present(baseline.defect(), path + ".defect", "a mapping with probability")) {
            DefectSpec defect = baseline.defect();
            checks.between(defect.probability(), path + ".defect.probability", 0, 1);
            DefectSplit split = defect.split();
            checks.between(split.defect(), path + ".defect.split.defect", 0, 1);
            checks.between(split.scrap(), path + ".defect.split.scrap", 0, 1);
            checks.between(split.rework(), path + ".defect.split.rework", 0, 1);
            double sum = split.defect() + split.scrap() + split.rework();
            if (Math.abs(sum - 1) > 1e-9) {
                checks.fail(path + ".defect.split", "expected shares defect + scrap + rework = 1, got " + sum);
            }
        }
        if (checks.present(baseline.cycle(), path + ".cycle", "a mapping with meanSeconds")) {
            CycleSpec cycle = baseline.cycle();
            if (!CycleSpec.LOGNORMAL.equals(cycle.distribution()) && !CycleSpec.CONSTANT.equals(cycle.distribution())) {
                checks.fail(path + ".cycle.distribution", "expected lognormal or constant, got '"
                        + cycle.distribution() + "'");
            }
            checks.positive(cycle.meanSeconds(), path + ".cycle.meanSeconds", MAX_SECONDS);
            checks.between(cycle.cv(), path + ".cycle.cv", 0, 5);
        }
        for (CostCategory category : CostCategory.values()) {
            BigDecimal amount = baseline.costPerUnit().of(category);
            if (amount.signum() < 0 || amount.compareTo(MAX_COST_PER_UNIT) > 0) {
                checks.fail(path + ".costPerUnit." + category.wireName(), "expected an amount from 0 to "
                        + MAX_COST_PER_UNIT.toPlainString() + ", got " + amount.toPlainString());
            }
        }
        checks.between(baseline.costNoise(), path + ".costNoise", 0, 0.5);
        checks.between(baseline.energyKwhPerUnit(), path + ".energyKwhPerUnit", 0, 1e9);
        MachineSpec machine = baseline.machine();
        checks.positiveIfSet(machine.mtbfHours(), path + ".machine.mtbfHours", MAX_HOURS);
        checks.positive(machine.mttrHours(), path + ".machine.mttrHours", MAX_HOURS);
        checks.positiveIfSet(machine.setupEveryHours(), path + ".machine.setupEveryHours", MAX_HOURS);
        checks.positive(machine.setupMinutes(), path + ".machine.setupMinutes", MAX_HOURS * 60);
        if (machine.setupEveryHours() != null && machine.setupMinutes() != null
                && machine.setupMinutes() >= machine.setupEveryHours() * 60) {
            checks.fail(path + ".machine.setupMinutes", "expected less than setupEveryHours ("
                    + Checks.plain(machine.setupEveryHours()) + " h), got " + Checks.plain(machine.setupMinutes()));
        }
    }
}
