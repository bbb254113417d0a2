package io.pilotwatch.analytics.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.targets.Target;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendProjectorTest {

    private static final Target CYCLE_MINUS_50 = new Target(Kpi.PRODUCTION_CYCLE, Target.Type.REDUCTION, 0.50);
    private static final LocalDate DUE = LocalDate.of(2025, 12, 31);

    @Test
    void fallingTrendThatReachesTheThresholdBeforeTheDueDateIsOnTrack() {
        // 1000 s in January 2025 falling 50 s a month; threshold 600 (baseline 1200, -50%).
        // At the end of 31 December (x = Jan + 12 months): 1000 - 50 * (12 - 0.5) = 425.
        List<MonthPoint> points = List.of(new MonthPoint(YearMonth.of(2025, 1), 1000),
                new MonthPoint(YearMonth.of(2025, 2), 950), new MonthPoint(YearMonth.of(2025, 3), 900));

        Projection projection = TrendProjector.project(points, CYCLE_MINUS_50, 600, DUE, 3);

        assertThat(projection.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(projection.valueAtDue()).isCloseTo(425, within(1e-9));
        // 600 is reached 8 months after mid-January: mid-September 2025.
        assertThat(projection.reachesOn()).isEqualTo(LocalDate.of(2025, 9, 16));
        assertThat(projection.months()).isEqualTo(3);
    }

    @Test
    void trendTooSlowForTheDueDateIsOffTrackWithTheLaterDateItWouldReachIt() {
        List<MonthPoint> points = List.of(new MonthPoint(YearMonth.of(2025, 1), 1000),
                new MonthPoint(YearMonth.of(2025, 2), 990), new MonthPoint(YearMonth.of(2025, 3), 980));

        Projection projection = TrendProjector.project(points, CYCLE_MINUS_50, 600, DUE, 3);

        assertThat(projection.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(projection.valueAtDue()).isCloseTo(885, within(1e-9));
        assertThat(projection.reachesOn()).isAfter(DUE);
    }

    @Test
    void risingTrendAwayFromAReductionTargetHasNoProjectedDate() {
        List<MonthPoint> points = List.of(new MonthPoint(YearMonth.of(2025, 1), 1000),
                new MonthPoint(YearMonth.of(2025, 2), 1100));

        Projection projection = TrendProjector.project(points, CYCLE_MINUS_50, 600, DUE, 2);

        assertThat(projection.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(projection.reachesOn()).isNull();
    }

    @Test
    void tooFewMonthsAreInconclusive() {
        Projection projection = TrendProjector.project(List.of(new MonthPoint(YearMonth.of(2025, 1), 1000)),
                CYCLE_MINUS_50, 600, DUE, 6);

        assertThat(projection.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(projection.reason()).contains("1 complete months", "6");
    }
}
