package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines of one plant come from different input partitions and, when history is replayed, one may be
 * processed months ahead of another. Lateness is per line, and baselines wait for every live line.
 */
class LineSkewTest {

    private static final String PLANT = "sz-motor";

    @TempDir
    Path dir;
    TopologyHarness harness;
    final Events l1 = Events.station(PLANT, "l1", "eol");
    final Events l2 = Events.station(PLANT, "l2", "eol");

    @BeforeEach
    void start() throws IOException {
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), """
                defaults: {learnFrom: 2025-01-01, learnTo: 2025-01-31}
                """);
        harness = new TopologyHarness(dir.resolve("state"), Map.of("analytics.baselines.file", baselines.toString(),
                "analytics.line.idle.minutes", "10", "analytics.baseline.min.units", "1",
                "analytics.baseline.min.days", "2", "analytics.baseline.min.months", "1"));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void lineProcessedBehindAnotherIsNotLate() {
        harness.send(l1.key(), l1.unit("2025-01-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(l1.key(), l1.unit("2025-03-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(l2.key(), l2.unit("2025-01-12T08:00", Duration.ofHours(1), UnitResult.DEFECT));

        assertThat(harness.plant(PLANT).late()).isEmpty();
        assertThat(harness.plant(PLANT).accepted()).containsEntry("unit", 3L);
    }

    @Test
    void baselineWaitsForTheLineThatIsBehind() {
        harness.send(l2.key(), l2.unit("2025-01-12T08:00", Duration.ofHours(1), UnitResult.DEFECT));
        harness.send(l1.key(), l1.unit("2025-01-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(l1.key(), l1.unit("2025-03-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE)).isEmpty();

        harness.send(l2.key(), l2.unit("2025-01-20T08:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(l2.key(), l2.unit("2025-02-05T08:00", Duration.ofHours(1), UnitResult.GOOD));

        // January: 3 units of both lines, 1 defect.
        assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow().value())
                .isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void lineThatFellSilentStopsHoldingBackTheBaseline() {
        harness.send(l2.key(), l2.unit("2025-01-12T08:00", Duration.ofHours(1), UnitResult.DEFECT));
        harness.send(l1.key(), l1.unit("2025-01-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(l1.key(), l1.unit("2025-03-10T08:00", Duration.ofHours(1), UnitResult.GOOD));
        assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE)).isEmpty();

        // l2 sends nothing more; l1 carries on. After 10 idle minutes l2 no longer counts.
        harness.driver.advanceWallClockTime(Duration.ofMinutes(11));
        harness.send(l1.key(), l1.unit("2025-03-11T08:00", Duration.ofHours(1), UnitResult.GOOD));

        assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow().value()).isEqualTo(0.5);
    }
}
