package io.pilotwatch.analytics.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.targets.Target;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JudgeTest {

    // Baseline 0.10 and -30%: the threshold is 0.07.
    private static final Target REDUCTION = new Target(Kpi.DEFECT_RATE, Target.Type.REDUCTION, 0.30);
    private static final Optional<Double> THRESHOLD = Optional.of(REDUCTION.threshold(0.10));
    private static final Target FLOOR = new Target(Kpi.CNC_RATIO, Target.Type.AT_LEAST, 0.50);

    @Test
    void reductionIsMetWhenTheWholeIntervalIsAtOrBelowTheThreshold() {
        assertThat(verdict(REDUCTION, THRESHOLD, new KpiValue(0.05, 0.04, 0.07, 400))).isEqualTo(Verdict.MET);
    }

    @Test
    void reductionIsNotMetWhenTheWholeIntervalIsAboveTheThreshold() {
        assertThat(verdict(REDUCTION, THRESHOLD, new KpiValue(0.09, 0.0701, 0.11, 400))).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void straddlingIntervalIsInconclusiveEvenWhenTheEstimateMeetsTheTarget() {
        Assessment assessment = Judge.judge(REDUCTION, THRESHOLD, Optional.of(new KpiValue(0.06, 0.03, 0.09, 400)), 30);

        assertThat(assessment.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(assessment.reason()).contains("straddles");
    }

    @Test
    void sampleBelowTheMinimumIsInconclusiveHoweverTheIntervalLies() {
        Assessment assessment = Judge.judge(REDUCTION, THRESHOLD, Optional.of(new KpiValue(0.0, 0.0, 0.01, 29)), 30);

        assertThat(assessment.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(assessment.reason()).contains("29", "30");
    }

    @Test
    void missingBaselineOrDataOrIntervalIsInconclusive() {
        assertThat(verdict(REDUCTION, Optional.empty(), new KpiValue(0.05, 0.04, 0.06, 400)))
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Judge.judge(REDUCTION, THRESHOLD, Optional.empty(), 30).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict(REDUCTION, THRESHOLD, KpiValue.withoutInterval(0.05, 400))).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void floorIsMetByACensusValueAtTheFloorAndMissedBelowIt() {
        Optional<Double> floor = Optional.of(0.50);
        assertThat(verdict(FLOOR, floor, new KpiValue(0.5, 0.5, 0.5, 6))).isEqualTo(Verdict.MET);
        assertThat(verdict(FLOOR, floor, new KpiValue(0.4, 0.4, 0.4, 5))).isEqualTo(Verdict.NOT_MET);
    }

    private static Verdict verdict(Target target, Optional<Double> threshold, KpiValue value) {
        return Judge.judge(target, threshold, Optional.of(value), 1).verdict();
    }
}
