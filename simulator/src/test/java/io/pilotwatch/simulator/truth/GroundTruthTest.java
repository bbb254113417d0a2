package io.pilotwatch.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotwatch.simulator.TestRuns;
import io.pilotwatch.simulator.faults.FaultSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth of scenarios/tiny.yaml, computed by hand. The window is 2025-01-31 00:00 to 2025-02-02
 * 00:00 (+08:00), 48 hours, one day in January and one in February.
 *
 * <p>good-line: a unit starts every 30 min from 00:00 (k = 0, 1, ...) and takes exactly 1 h, so unit k completes
 * at (k + 2) * 30 min; those before 48 h are k = 0..93: 94 units, all good. January (completion before 24 h):
 * k = 0..45, 46 units; February: 48. Costs are booked at 23:59:59 each day: per unit labor 10 and energy 1
 * (2 kWh) split over the 2 stations, material 20 on the last station. Station b becomes CNC on Feb 1 00:00.
 *
 * <p>scrap-line: a unit starts every hour and takes 2 h; completions (k + 2) h before 48 h: k = 0..45, 46
 * units, all scrap; January k = 0..21 (22), February 24. Material 5 per unit.
 */
class GroundTruthTest {

    @TempDir
    static Path dir;
    static JsonNode truth;

    @BeforeAll
    static void run() {
        truth = TestRuns.run(TestRuns.options(TestRuns.testScenario("tiny.yaml"), "2025-01-31", "2025-02-02", 7,
                FaultSettings.NONE, dir.resolve("truth.json"))).truth();
    }

    @Test
    void countsUnitsOfALineByCompletionMonth() {
        JsonNode january = line("good-line").at("/months/2025-01");
        assertThat(january.at("/units/total").asLong()).isEqualTo(46);
        assertThat(january.at("/units/good").asLong()).isEqualTo(46);
        assertThat(january.at("/defectRate").decimalValue()).isZero();
        assertThat(line("good-line").at("/months/2025-02/units/total").asLong()).isEqualTo(48);
        assertThat(line("good-line").at("/years/2025/units/total").asLong()).isEqualTo(94);
        assertThat(line("scrap-line").at("/months/2025-01/units/scrap").asLong()).isEqualTo(22);
        assertThat(line("scrap-line").at("/months/2025-02/units/scrap").asLong()).isEqualTo(24);
        assertThat(line("scrap-line").at("/years/2025/defectRate").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void computesCostPerGoodUnitByCategoryFromTheBookings() {
        // January: labor 2 x 230, energy 2 x 23, material 920 = 1426 for 46 good units.
        JsonNode cny = line("good-line").at("/months/2025-01/cost/CNY");
        assertThat(cny.at("/total").decimalValue()).isEqualByComparingTo("1426");
        assertThat(cny.at("/perGoodUnit").decimalValue()).isEqualByComparingTo("31");
        assertThat(cny.at("/byCategory/labor/total").decimalValue()).isEqualByComparingTo("460");
        assertThat(cny.at("/byCategory/labor/perGoodUnit").decimalValue()).isEqualByComparingTo("10");
        assertThat(cny.at("/byCategory/material/perGoodUnit").decimalValue()).isEqualByComparingTo("20");
        assertThat(cny.at("/byCategory/energy/perGoodUnit").decimalValue()).isEqualByComparingTo("1");
        assertThat(line("good-line").at("/months/2025-01/energy/kwh").decimalValue()).isEqualByComparingTo("92");
        assertThat(line("good-line").at("/months/2025-01/energy/kwhPerGoodUnit").decimalValue())
                .isEqualByComparingTo("2");
        // February: 48 units, 1488 in all; the year: 2914 for 94.
        assertThat(line("good-line").at("/months/2025-02/cost/CNY/total").decimalValue()).isEqualByComparingTo("1488");
        assertThat(line("good-line").at("/years/2025/cost/CNY/perGoodUnit").decimalValue()).isEqualByComparingTo("31");
        // No good unit: no cost per good unit.
        assertThat(line("scrap-line").at("/months/2025-01/cost/CNY/total").decimalValue()).isEqualByComparingTo("110");
        assertThat(line("scrap-line").at("/months/2025-01/cost/CNY/perGoodUnit").isNull()).isTrue();
    }

    @Test
    void sumsLinesIntoThePlantInsteadOfAveragingRatios() {
        JsonNode january = plant().at("/months/2025-01");
        assertThat(january.at("/units/total").asLong()).isEqualTo(68);
        assertThat(january.at("/defectRate").decimalValue()).isEqualByComparingTo("0.323529"); // 22 / 68
        assertThat(january.at("/cost/CNY/total").decimalValue()).isEqualByComparingTo("1536");
        assertThat(january.at("/cost/CNY/perGoodUnit").decimalValue()).isEqualByComparingTo("33.3913"); // 1536 / 46
        // 46 cycles of 3600 s and 22 of 7200 s: mean 324000 / 68; nearest rank 34 is 3600, rank 62 is 7200.
        assertThat(january.at("/productionCycleSeconds/count").asLong()).isEqualTo(68);
        assertThat(january.at("/productionCycleSeconds/mean").decimalValue()).isEqualByComparingTo("4764.706");
        assertThat(january.at("/productionCycleSeconds/p50").decimalValue()).isEqualByComparingTo("3600");
        assertThat(january.at("/productionCycleSeconds/p90").decimalValue()).isEqualByComparingTo("7200");
    }

    @Test
    void takesTheCncRatioAtPeriodEnd() {
        // Station b's retrofit has ts Feb 1 00:00, which is not before January's end.
        assertThat(plant().at("/months/2025-01/cnc/keyStations").asInt()).isEqualTo(2);
        assertThat(plant().at("/months/2025-01/cnc/cncKeyStations").asInt()).isEqualTo(1);
        assertThat(plant().at("/months/2025-01/cnc/ratio").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(plant().at("/months/2025-02/cnc/ratio").decimalValue()).isEqualByComparingTo("1");
        assertThat(plant().at("/years/2025/cnc/cncKeyStations").asInt()).isEqualTo(2);
    }

    @Test
    void computesOeeComponentsFromStateTimeIdealCyclesAndQuality() {
        JsonNode line = line("good-line").at("/months/2025-01/oee");
        assertThat(line.at("/plannedSeconds").decimalValue()).isEqualByComparingTo("172800"); // 2 stations x 24 h
        assertThat(line.at("/availability").decimalValue()).isEqualByComparingTo("1");
        assertThat(line.at("/idealSeconds").decimalValue()).isEqualByComparingTo("69000"); // 46 x (600 + 900)
        assertThat(line.at("/performance").decimalValue()).isEqualByComparingTo("0.399306"); // 69000 / 172800
        assertThat(line.at("/quality").decimalValue()).isEqualByComparingTo("1");
        JsonNode plant = plant().at("/months/2025-01/oee");
        assertThat(plant.at("/plannedSeconds").decimalValue()).isEqualByComparingTo("259200"); // 3 stations
        assertThat(plant.at("/performance").decimalValue()).isEqualByComparingTo("0.418981"); // 108600 / 259200
        assertThat(plant.at("/quality").decimalValue()).isEqualByComparingTo("0.676471"); // 46 / 68
        assertThat(plant.at("/oee").decimalValue()).isEqualByComparingTo("0.283429");
    }

    @Test
    void countsEveryMessageByKind() {
        // 3 boot profiles + b's retrofit; 3 states; 94 + 46 units; per day 2 x (energy, labor) + material, and
        // the scrap line's material: 2 x 6.
        JsonNode real = truth.at("/messages/real");
        assertThat(real.at("/profile").asLong()).isEqualTo(4);
        assertThat(real.at("/state").asLong()).isEqualTo(3);
        assertThat(real.at("/unit").asLong()).isEqualTo(140);
        assertThat(real.at("/cost").asLong()).isEqualTo(12);
        assertThat(truth.at("/messages/published").asLong()).isEqualTo(159);
        assertThat(truth.at("/messages/retained/publishes").asLong()).isEqualTo(4);
        assertThat(truth.at("/messages/retained/topics").asLong()).isEqualTo(3);
        assertThat(plant().at("/messages/total").asLong()).isEqualTo(159);
    }

    @Test
    void marksPeriodsAndTheRunComplete() {
        assertThat(truth.at("/complete").asBoolean()).isTrue();
        assertThat(plant().at("/simulatedUntil").asText()).isEqualTo("2025-02-02T00:00:00+08:00");
        assertThat(plant().at("/months/2025-01/start").asText()).isEqualTo("2025-01-01T00:00:00+08:00");
        // The window covers only the last day of January.
        assertThat(plant().at("/months/2025-01/complete").asBoolean()).isFalse();
    }

    private static JsonNode plant() {
        return truth.at("/plants/0");
    }

    private static JsonNode line(String id) {
        for (JsonNode line : plant().at("/lines")) {
            if (line.at("/line").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no line " + id);
    }
}
