package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.ReferenceMonth;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.KpiValue;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.WindowFigures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every KPI of the hand-computed {@link ReferenceMonth} (docs/kpis.md walks through the same numbers). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiFiguresTest {

    TopologyHarness harness;
    PlantScorecard card;

    @BeforeAll
    void runTheMonth(@TempDir Path stateDir) {
        harness = new TopologyHarness(stateDir, Map.of());
        ReferenceMonth.records().forEach(record -> harness.send(record.getKey(), record.getValue()));
        card = harness.scorecard("hz-gearbox");
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void defectRateOfThePlantIsFromSummedUnitsWithItsClusteredWilsonInterval() {
        KpiValue plant = value(plantMonth(), Kpi.DEFECT_RATE);
        // 2 of 6, not the mean of the lines' 1/4 and 1/2 (0.375).
        assertThat(plant.value()).isCloseTo(2.0 / 6, within(1e-12));
        // Days (defective, units): 3 March (0, 2), 4 March (2, 3), 5 March (0, 1). Residuals x - y/3: -2/3, 1, -1/3;
        // cluster variance 3/2 · 1.5556 / 36 = 0.064815 over binomial (1/3)(2/3)/6 = 0.037037: design effect 1.75,
        // n = 6 / 1.75 = 3.428571, q = t(0.975, 2) = 4.302653; Wilson: centre (p + q²/2n) / (1 + q²/n) = 0.473956,
        // half q / (1 + q²/n) · √(p(1-p)/n + q²/4n²) = 0.455272.
        assertThat(plant.lower()).isCloseTo(0.0186846065, within(1e-9));
        assertThat(plant.upper()).isCloseTo(0.9292285821, within(1e-9));
        assertThat(plant.sampleSize()).isEqualTo(6);
        assertThat(plant.days()).isEqualTo(3);
        assertThat(value(lineMonth("l1"), Kpi.DEFECT_RATE).value()).isEqualTo(0.25);
        assertThat(plantMonth().units()).containsEntry("good", 4L).containsEntry("defect", 1L)
                .containsEntry("scrap", 1L).containsEntry("rework", 0L).containsEntry("total", 6L);
    }

    @Test
    void productionCycleHasItsMeanWithADayClusteredIntervalAndSketchPercentiles() {
        KpiValue mean = value(plantMonth(), Kpi.PRODUCTION_CYCLE);
        assertThat(mean.value()).isCloseTo(9600, within(1e-9));
        // Days (Σ cycle h, units): (3, 2), (9, 3), (4, 1); R = 16/6 h; residuals -2.3333, 1, 1.3333 h: cluster variance
        // 3/2 · 8.2222 / 36 = 0.342593 h², below the units' own s²/n = (13.333/5)/6 = 0.444444 h², which is used;
        // half-width t(0.975, 2) · √0.444444 h = 4.302653 · 0.666667 · 3600 s = 10,326.37 s, the lower bound
        // clipped at 0.
        assertThat(mean.lower()).isZero();
        assertThat(mean.upper()).isCloseTo(19926.366552, within(1e-5));
        // Nearest rank of 1, 1, 2, 3, 4, 5 h: p50 = 2 h, p90 = 5 h; the sketch is within 1/2048 of them.
        assertThat(value(plantMonth(), Kpi.PRODUCTION_CYCLE_P50).value()).isCloseTo(7200, within(7200 / 2048.0));
        assertThat(value(plantMonth(), Kpi.PRODUCTION_CYCLE_P90).value()).isCloseTo(18000, within(18000 / 2048.0));
        assertThat(value(lineMonth("l1"), Kpi.PRODUCTION_CYCLE).value()).isCloseTo(9000, within(1e-9));
    }

    @Test
    void trailingWindowHasPercentilesFromTheSketchesOfItsDays() {
        // The trailing 90 days end in mid-March: no whole month, so every cycle comes from a day's sketch.
        WindowFigures trailing = card.windows().get(2);
        assertThat(trailing.window()).isEqualTo("trailing");
        assertThat(value(trailing, Kpi.PRODUCTION_CYCLE_P50).value()).isCloseTo(7200, within(7200 / 2048.0));
        assertThat(value(trailing, Kpi.PRODUCTION_CYCLE_P90).value()).isCloseTo(18000, within(18000 / 2048.0));
        assertThat(value(trailing, Kpi.PRODUCTION_CYCLE_P50).sampleSize()).isEqualTo(6);
    }

    @Test
    void operatingCostPerGoodUnitHasComponentsAndADeltaMethodInterval() {
        KpiValue cost = value(plantMonth(), Kpi.OPERATING_COST);
        // 820 CNY / 4 good units; days 3, 4, 5 March hold (350, 2), (320, 1), (150, 1).
        assertThat(cost.value()).isCloseTo(205, within(1e-9));
        assertThat(cost.lower()).isCloseTo(19.3896502803, within(1e-6));
        assertThat(cost.upper()).isCloseTo(390.6103497197, within(1e-6));
        assertThat(cost.sampleSize()).isEqualTo(3);
        assertThat(plantMonth().cost().get("total")).isEqualByComparingTo("820");
        assertThat(plantMonth().cost().get("labor")).isEqualByComparingTo("600");
        assertThat(plantMonth().costPerGoodUnit()).containsEntry("labor", 150.0).containsEntry("energy", 17.5)
                .containsEntry("material", 37.5);
    }

    @Test
    void energyPerGoodUnitHasItsIntervalClippedAtZero() {
        KpiValue energy = value(plantMonth(), Kpi.ENERGY_PER_UNIT);
        assertThat(energy.value()).isCloseTo(35, within(1e-9));
        assertThat(energy.lower()).isZero();
        assertThat(energy.upper()).isCloseTo(96.0859262401, within(1e-6));
        assertThat(plantMonth().energyKwh()).isEqualByComparingTo("140");
    }

    @Test
    void cncRatioOfThePlantIsFromSummedStationCounts() {
        // l1: 2 key stations, 1 CNC; l2: 1 key station, CNC. Plant 2/3, not the mean of 1/2 and 1.
        assertThat(value(plantMonth(), Kpi.CNC_RATIO).value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(plantMonth().keyStations()).isEqualTo(3);
        assertThat(value(lineMonth("l1"), Kpi.CNC_RATIO).value()).isEqualTo(0.5);
    }

    @Test
    void oeeIsAvailabilityTimesPerformanceTimesQualityFromStateTime() {
        WindowFigures l1 = lineMonth("l1");
        // s1: running 08-12 and 13-16 (the 13:00 change arrived last), idle 12-13, off from 16:00.
        assertThat(l1.runningSeconds()).isEqualTo(7 * 3600.0);
        assertThat(l1.plannedSeconds()).isEqualTo(8 * 3600.0);
        assertThat(l1.idealSeconds()).isEqualTo(4 * 350.0);
        assertThat(value(l1, Kpi.AVAILABILITY).value()).isCloseTo(0.875, within(1e-12));
        assertThat(value(l1, Kpi.PERFORMANCE).value()).isCloseTo(1400.0 / 25200, within(1e-12));
        assertThat(value(l1, Kpi.QUALITY).value()).isEqualTo(0.75);
        assertThat(value(l1, Kpi.OEE).value()).isCloseTo(1400.0 / 28800 * 0.75, within(1e-12));
        // Plant: t1 is down from 4 March 11:00 to the clock (5 March 12:00): 25 h planned, not running.
        WindowFigures plant = plantMonth();
        assertThat(plant.plannedSeconds()).isEqualTo(129_600.0);
        assertThat(plant.runningSeconds()).isEqualTo(36_000.0);
        assertThat(value(plant, Kpi.OEE).value()).isCloseTo(1600.0 / 129_600 * 4 / 6, within(1e-12));
    }

    @Test
    void monthYearAndTrailingWindowsAgreeWhenAllDataIsInOneMonth() {
        assertThat(card.windows()).extracting(WindowFigures::period)
                .containsExactly("2025-03", "2025", "2024-12-06..2025-03-05");
        for (WindowFigures window : card.windows()) {
            assertThat(window.units().get("total")).isEqualTo(6);
            assertThat(value(window, Kpi.OPERATING_COST).value()).isCloseTo(205, within(1e-9));
        }
    }

    private WindowFigures plantMonth() {
        return card.windows().get(0);
    }

    private WindowFigures lineMonth(String line) {
        return card.lines().get(line).get(0);
    }

    private static KpiValue value(WindowFigures window, Kpi kpi) {
        assertThat(window.values()).containsKey(kpi);
        return window.values().get(kpi);
    }
}
