package io.pilotwatch.analytics.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.targets.Target;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void reductionProgressIsAchievedOverRequiredReduction() {
        Target target = new Target(Kpi.OPERATING_COST, Target.Type.REDUCTION, 0.30);

        // 400 -> 280 is -30%: exactly there; 400 -> 340 is -15%: half way.
        assertThat(Progress.ratio(target, Optional.of(400.0), 280).get()).isCloseTo(1.0, within(1e-12));
        assertThat(Progress.ratio(target, Optional.of(400.0), 340).get()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void floorProgressIsTheShareOfTheWayFromBaselineToFloor() {
        Target target = new Target(Kpi.CNC_RATIO, Target.Type.AT_LEAST, 0.64);

        // From 33% to 64%: at 50% the plant has come 17 of 31 points.
        assertThat(Progress.ratio(target, Optional.of(0.33), 0.50).get()).isCloseTo(17.0 / 31, within(1e-12));
        assertThat(Progress.ratio(target, Optional.of(0.70), 0.80)).isEmpty();
    }

    @Test
    void noBaselineNoProgress() {
        Target target = new Target(Kpi.DEFECT_RATE, Target.Type.REDUCTION, 0.50);

        assertThat(Progress.ratio(target, Optional.empty(), 0.05)).isEmpty();
    }
}
