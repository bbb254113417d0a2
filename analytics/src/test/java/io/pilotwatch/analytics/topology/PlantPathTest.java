package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.scorecard.KpiScore;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.analytics.scorecard.YearValue;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each targeted KPI's path: its value in every calendar year from the baseline's year to the clock's. */
class PlantPathTest {

    private static final String PLANT = "pw-path";

    @Test
    void yearsRunFromTheBaselinesYearToTheClocksWithTheYearsOwnFigures(@TempDir Path stateDir) throws IOException {
        // Seen failing with the clock's own year marked complete.
        // An audited 2022 baseline of the defect rate: the path starts in 2022, two years before the first event.
        Path baselines = Files.writeString(stateDir.resolve("baselines.yaml"), """
                plants:
                  pw-path:
                    learnFrom: 2024-01-01
                    learnTo: 2024-12-31
                    configured:
                      defect_rate: {value: 0.30, period: "2022", source: audit 2022}
                """);
        try (TopologyHarness harness = new TopologyHarness(stateDir.resolve("state"),
                Map.of("analytics.baselines.file", baselines.toString()))) {
            Events s1 = Events.station(PLANT, "l1", "s1");
            harness.send(s1.key(), s1.profile("2024-06-01T06:00", true, false, 600.0));
            // 2024: 4 units on two days, 1 defective: defect rate 1/4.
            harness.send(s1.key(), s1.unit("2024-06-10T08:00", Duration.ofMinutes(10), UnitResult.GOOD));
            harness.send(s1.key(), s1.unit("2024-06-10T09:00", Duration.ofMinutes(10), UnitResult.DEFECT));
            harness.send(s1.key(), s1.unit("2024-06-11T08:00", Duration.ofMinutes(10), UnitResult.GOOD));
            harness.send(s1.key(), s1.unit("2024-06-11T09:00", Duration.ofMinutes(10), UnitResult.GOOD));
            // 2025: the station becomes numerically controlled; 5 units on one day, 1 scrapped: 1/5.
            harness.send(s1.key(), s1.profile("2025-01-05T06:00", true, true, 600.0));
            for (int i = 0; i < 5; i++) {
                harness.send(s1.key(), s1.unit("2025-02-03T0" + (i + 1) + ":00", Duration.ofMinutes(10),
                        i == 0 ? UnitResult.SCRAP : UnitResult.GOOD));
            }

            PlantScorecard card = harness.scorecard(PLANT);

            List<YearValue> defect = score(card, Kpi.DEFECT_RATE).years();
            assertThat(defect).extracting(YearValue::year).containsExactly(2022, 2023, 2024, 2025);
            assertThat(defect).extracting(YearValue::complete).containsExactly(true, true, true, false);
            assertThat(defect.get(0).value()).isNull();
            assertThat(defect.get(1).value()).isNull();
            assertThat(defect.get(2).value().value()).isEqualTo(0.25);
            assertThat(defect.get(2).value().sampleSize()).isEqualTo(4);
            assertThat(defect.get(2).value().days()).isEqualTo(2);
            assertThat(defect.get(3).value().value()).isEqualTo(0.2);
            assertThat(score(card, Kpi.DEFECT_RATE).baseline().period()).isEqualTo("2022");
            // A baseline learned in 2024 (without a value: too little data), the path starts with the first event's
            // year. CNC ratio at
            // each year's end: 0 of 1 key stations in 2024, 1 of 1 in 2025.
            List<YearValue> cnc = score(card, Kpi.CNC_RATIO).years();
            assertThat(cnc).extracting(YearValue::year).containsExactly(2024, 2025);
            assertThat(cnc).extracting(y -> y.value().value()).containsExactly(0.0, 1.0);
        }
    }

    private static KpiScore score(PlantScorecard card, Kpi kpi) {
        return card.kpis().stream().filter(s -> s.kpi() == kpi).findFirst().orElseThrow();
    }

}
