package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.VerdictMonths;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.MilestoneScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.verdict.Verdict;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each verdict state from real events: milestone m1 (due 31 January 2025, assessed over January) and m2
 * (due 31 December 2025, projected from the complete months December 2024, January and February). The clock
 * ends on 3 March, so January's window is final. December's units all lie on 1 to 3 December, before the
 * 90-day trailing window (4 December to 3 March), so they count in the trend only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictsTest {

    TopologyHarness harness;
    PlantScorecard card;

    @BeforeAll
    void run(@TempDir Path dir) throws IOException {
        // The same policy as the scorecard page test's fixture.
        Path targets = Files.writeString(dir.resolve("targets.yaml"), VerdictMonths.TARGETS);
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), """
                defaults:
                  configured:
                    defect_rate: {value: 0.2, period: "2015", source: "plant report"}
                    production_cycle: {value: 3600, period: "2015", source: "plant report"}
                    operating_cost: {value: 100, period: "2015", source: "plant report"}
                """);
        harness = new TopologyHarness(dir.resolve("state"), Map.of("analytics.targets.file", targets.toString(),
                "analytics.baselines.file", baselines.toString(), "analytics.trend.months", "3",
                "analytics.trend.min.months", "2",
                "analytics.verdict.min.days", "20"));
        Events k1 = Events.station("cd-valve", "l1", "k1");
        Events k2 = Events.station("cd-valve", "l1", "k2");
        Events eol = Events.station("cd-valve", "l1", "eol");
        harness.send(k1.key(), k1.profile("2024-12-01T00:00", true, true, 600.0));
        harness.send(k2.key(), k2.profile("2024-12-01T00:00", true, false, 600.0));
        for (int i = 0; i < 100; i++) {
            harness.send(eol.key(), eol.unit("2024-12" + inFirstDays(i), Duration.ofSeconds(7350),
                    i < 6 ? UnitResult.DEFECT : UnitResult.GOOD));
        }
        for (int day = 10; day <= 12; day++) {
            harness.send(eol.key(), eol.cost("2025-01-" + day + "T18:00", CostCategory.LABOR, "1000", "CNY", null));
        }
        for (int i = 0; i < 100; i++) {
            harness.send(eol.key(), eol.unit("2025-01" + at(i), Duration.ofSeconds(7200), i % 20 == 0 ? UnitResult.DEFECT
                    : UnitResult.GOOD));
        }
        for (int i = 0; i < 100; i++) {
            harness.send(eol.key(), eol.unit("2025-02" + at(i), Duration.ofSeconds(7000), i % 25 == 0 ? UnitResult.REWORK
                    : UnitResult.GOOD));
        }
        harness.send(eol.key(), eol.unit("2025-03-03T10:00", Duration.ofSeconds(7000), UnitResult.GOOD));
        card = harness.scorecard("cd-valve");
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void wholeWilsonIntervalBelowTheThresholdIsMet() {
        // 5 defective of 100 units on 25 days (one on each of days 1, 6, 11, 16 and 21; 4 units a day). Day clusters
        // (x = defective, y = units): residuals x - 0.05 · 4 are 0.8 (5 days) and -0.2 (20 days), Σr² = 4.0;
        // cluster variance 25/24 · 4.0 / 100² = 0.000417 is below the binomial 0.05 · 0.95 / 100 = 0.000475, so the
        // design effect is floored at 1: Wilson with n = 100 and q = t(0.975, 24) = 2.063899:
        // centre (0.05 + q²/200) / (1 + q²/100) = 0.068384, half q / 1.042597 · √(0.000475 + q²/40000) = 0.047735,
        // [0.02065, 0.11612], wholly below the threshold 0.14 of the configured (exact) baseline 0.2.
        MilestoneScore score = score(Kpi.DEFECT_RATE, "m1");
        assertThat(score.value().lower()).isCloseTo(0.02065, within(1e-4));
        assertThat(score.value().upper()).isCloseTo(0.11612, within(1e-4));
        assertThat(score.status()).isEqualTo("assessed");
        assertThat(score.threshold()).isEqualTo(0.14);
        assertThat(score.value().sampleSize()).isEqualTo(100);
        assertThat(score.verdict()).isEqualTo(Verdict.MET);
        // Reduction 1 - 0.05 / 0.2 = 75% against 30% required.
        assertThat(score.progress()).isCloseTo(2.5, within(1e-12));
    }

    @Test
    void wholeIntervalAboveTheThresholdIsNotMet() {
        MilestoneScore score = score(Kpi.PRODUCTION_CYCLE, "m1");
        assertThat(score.threshold()).isEqualTo(2520.0);
        assertThat(score.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(score.progress()).isCloseTo(-1 / 0.3, within(1e-12));
    }

    @Test
    void fewerDaysThanTheMinimumIsInconclusive() {
        MilestoneScore score = score(Kpi.OPERATING_COST, "m1");
        // Units on 1 to 25 January, but costs booked on 10 to 12 only: 3 days of the KPI's input, the minimum is 20.
        assertThat(score.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(score.reason()).isEqualTo("data on 3 days, fewer than the minimum 20");
    }

    @Test
    void baselineLearnedFromAPeriodWithoutDataLeavesTheVerdictInconclusive() {
        KpiScore energy = kpi(Kpi.ENERGY_PER_UNIT);
        assertThat(energy.baseline().value()).isNull();
        assertThat(energy.milestones().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(energy.milestones().get(0).reason())
                .isEqualTo("no baseline (no data: no energy reading or no good unit in the learning period)");
    }

    @Test
    void cncRatioAtTheFloorIsMetAndItsFlatTrendIsOffTrackForAHigherFloor() {
        assertThat(score(Kpi.CNC_RATIO, "m1").verdict()).isEqualTo(Verdict.MET);
        MilestoneScore future = score(Kpi.CNC_RATIO, "m2");
        // 1 of 2 key stations in each of the 3 months: a flat 0.5 without residual, the interval is the point.
        assertThat(future.trendMonths()).isEqualTo(3);
        assertThat(future.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(future.projectedDate()).isNull();
    }

    @Test
    void defectRateWhoseLineFallsBelowZeroByTheDueDateIsInconclusiveNotOnTrack() {
        MilestoneScore score = score(Kpi.DEFECT_RATE, "m2");
        assertThat(score.status()).isEqualTo("projected");
        assertThat(score.trendMonths()).isEqualTo(3);
        // 6%, 5%, 4% in December, January, February: the line 0.05 - 0.01 per month from mid-January is at
        // 0.05 - 0.01 * 11.5 = -0.065 at the end of December 2025, a rate no plant can have. (The bare line
        // called this on_track against 0.1, and so did this code with its range check removed: broken once.)
        assertThat(score.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(score.reason()).contains("-0.065", "below 0");
        assertThat(score.projectedValueAtDue()).isNull();
        // The line crossed 0.1 five months before mid-January 2025: mid-August 2024 (the plant is there).
        assertThat(score.projectedDate()).isEqualTo(LocalDate.of(2024, 8, 16));
    }

    @Test
    void slowlyFallingCycleIsOffTrackByItsWholePredictionInterval() {
        MilestoneScore score = score(Kpi.PRODUCTION_CYCLE, "m2");
        // x = -1, 0, 1 (months from mid-January), y = 7350, 7200, 7000 s: ȳ = 7183.33, Sxx = 2, Sxy = -350,
        // slope -175; residuals -8.33, 16.67, -8.33, SSE = 416.67, s = √(416.67 / 1) = 20.412. At the end of
        // December (x0 = 11.5): 7183.33 - 175 * 11.5 = 5170.83; se = 20.412 * √(1 + 1/3 + 11.5² / 2) = 20.412
        // * 8.2133 = 167.65; t(0.975, 1) = 12.7062, half-width 2130.24: [3040.60, 7301.07], wholly above 1800.
        assertThat(score.verdict()).isEqualTo(Verdict.OFF_TRACK);
        assertThat(score.projectedValueAtDue()).isCloseTo(5170.833, within(1e-3));
        assertThat(score.reason()).contains("[3041, 7301]", "threshold 1800");
        // The line reaches 1800 s 30.8 months after mid-January 2025, beyond the 12-month horizon: no date.
        assertThat(score.projectedDate()).isNull();
    }

    @Test
    void futureMilestoneWithoutEnoughMonthsIsInconclusive() {
        MilestoneScore score = score(Kpi.OPERATING_COST, "m2");
        assertThat(score.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(score.reason()).contains("0 complete months");
    }

    /** Day and time in the month of the i-th unit: days 1 to 3 in turn, every 10 minutes from 08:00. */
    private static String inFirstDays(int i) {
        int slot = i / 3;
        return "-%02dT%02d:%02d".formatted(1 + i % 3, 8 + slot / 6, slot % 6 * 10);
    }

    /** Day and hour in the month of the i-th unit: days 1 to 28 in turn, from 08:00 on. */
    private static String at(int i) {
        return "-%02dT%02d:00".formatted(1 + i / 4, 8 + i % 4);
    }

    private KpiScore kpi(Kpi kpi) {
        return card.kpis().stream().filter(score -> score.kpi() == kpi).findFirst().orElseThrow();
    }

    private MilestoneScore score(Kpi kpi, String milestone) {
        return kpi(kpi).milestones().stream().filter(m -> m.milestone().equals(milestone)).findFirst().orElseThrow();
    }
}
