package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.Figures;
import io.pilotwatch.analytics.kpi.FiguresCalculator;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.kpi.PlantCalendar;
import io.pilotwatch.analytics.kpi.Scope;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CncRetrofitTest {

    @Test
    void retrofitRaisesTheCncRatioFromThePeriodInWhichItTookEffect(@TempDir Path stateDir) {
        try (TopologyHarness harness = new TopologyHarness(stateDir, Map.of())) {
            Events s1 = Events.station("sz-motor", "l1", "s1");
            Events s2 = Events.station("sz-motor", "l1", "s2");
            Events s3 = Events.station("sz-motor", "l1", "s3");
            harness.send(s1.key(), s1.profile("2025-01-10T06:00", true, false, 900.0));
            harness.send(s2.key(), s2.profile("2025-01-10T06:00", true, true, 1500.0));
            harness.send(s3.key(), s3.profile("2025-01-10T06:00", false, false, 1300.0));
            harness.send(s3.key(), s3.unit("2025-01-20T08:00", Duration.ofHours(6), UnitResult.GOOD));
            // Winding becomes numerically controlled in mid-February: the station publishes a new profile.
            harness.send(s1.key(), s1.profile("2025-02-15T06:00", true, true, 900.0));
            harness.send(s3.key(), s3.unit("2025-03-02T08:00", Duration.ofHours(6), UnitResult.GOOD));

            FiguresCalculator calculator = new FiguresCalculator(harness.data());
            Scope scope = Scope.plant("sz-motor", List.of("l1"), new PlantCalendar(Events.SHANGHAI),
                    Events.local("2025-03-02T08:00").toEpochMilli());

            assertThat(cnc(calculator.month(scope, YearMonth.of(2025, 1)))).isEqualTo(0.5);
            assertThat(cnc(calculator.days(scope, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 14)))).isEqualTo(0.5);
            assertThat(cnc(calculator.month(scope, YearMonth.of(2025, 2)))).isEqualTo(1.0);
            assertThat(harness.scorecard("sz-motor").windows().get(0).values().get(Kpi.CNC_RATIO).value())
                    .isEqualTo(1.0);
        }
    }

    private static double cnc(Figures figures) {
        return figures.value(Kpi.CNC_RATIO).orElseThrow().value();
    }
}
