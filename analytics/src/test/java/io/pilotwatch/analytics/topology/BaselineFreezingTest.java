package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.baseline.Baseline;
import io.pilotwatch.analytics.kpi.Kpi;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineFreezingTest {

    private static final String PLANT = "hz-gearbox";

    @TempDir
    Path dir;
    final Events eol = Events.station(PLANT, "l1", "eol");

    @Test
    void learnedBaselineFreezesOnlyWhenItsPeriodHasClosedAndIsPublished() throws IOException {
        try (TopologyHarness harness = harness(1, Map.of())) {
            sendJanuary(harness, 10, 2);
            harness.send(eol.key(), eol.unit("2025-02-02T08:00", Duration.ofHours(1), UnitResult.GOOD));
            assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE)).isEmpty();

            // 3 Feb 01:00 minus the 48 h grace is in February: January is closed.
            harness.send(eol.key(), eol.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));

            Baseline frozen = harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow();
            assertThat(frozen.value()).isCloseTo(0.2, within(1e-12));
            assertThat(frozen.sampleSize()).isEqualTo(10);
            assertThat(frozen.days()).isEqualTo(10);
            assertThat(frozen.months()).isEqualTo(1);
            assertThat(frozen.note()).isNull();
            assertThat(frozen.method()).isEqualTo(Baseline.LEARNED);
            assertThat(frozen.version()).isEqualTo(1);
            Map<String, Baseline> published = published(harness);
            assertThat(published).containsKey("hz-gearbox/defect_rate");
            assertThat(published.get("hz-gearbox/defect_rate").value()).isCloseTo(0.2, within(1e-12));
        }
    }

    @Test
    void frozenBaselineIgnoresLaterEventsOfItsPeriod() throws IOException {
        try (TopologyHarness harness = harness(1, Map.of())) {
            sendJanuary(harness, 10, 2);
            harness.send(eol.key(), eol.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));
            harness.send(eol.key(), eol.unit("2025-01-31T23:00", Duration.ofHours(1), UnitResult.SCRAP));

            assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow().value()).isCloseTo(0.2, within(1e-12));
            assertThat(harness.plant(PLANT).late()).containsEntry("unit", 1L);
        }
    }

    @Test
    void publishedBaselineOfTheSameVersionIsAdoptedNotLearnedAgain() throws IOException {
        Baseline old = new Baseline(PLANT, Kpi.DEFECT_RATE, 0.09, 0.05, 0.12, 300, Baseline.LEARNED, "2025-01-01..2025-01-31",
                "learned from events", 1, java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 31), 0, 25, 1, null);
        try (TopologyHarness harness = harness(1, Map.of(Baseline.key(PLANT, Kpi.DEFECT_RATE), old))) {
            sendJanuary(harness, 10, 2);
            harness.send(eol.key(), eol.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));

            assertThat(harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow()).isEqualTo(old);
            assertThat(published(harness)).doesNotContainKey("hz-gearbox/defect_rate");
        }
    }

    @Test
    void higherVersionInTheBaselinesFileLearnsAgainAndBumpsTheVersion() throws IOException {
        Baseline old = new Baseline(PLANT, Kpi.DEFECT_RATE, 0.09, 0.05, 0.12, 300, Baseline.LEARNED, "2025-01-01..2025-01-31",
                "learned from events", 1, java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 1, 31), 0, 25, 1, null);
        try (TopologyHarness harness = harness(2, Map.of(Baseline.key(PLANT, Kpi.DEFECT_RATE), old))) {
            sendJanuary(harness, 10, 2);
            harness.send(eol.key(), eol.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));

            Baseline relearned = harness.data().baseline(PLANT, Kpi.DEFECT_RATE).orElseThrow();
            assertThat(relearned.version()).isEqualTo(2);
            assertThat(relearned.value()).isCloseTo(0.2, within(1e-12));
        }
    }

    @Test
    void configuredBaselineIsFrozenAtTheFirstEventWithItsSource() throws IOException {
        Path file = Files.writeString(dir.resolve("baselines.yaml"), """
                plants:
                  hz-gearbox:
                    configured:
                      operating_cost: {value: 420.5, period: "2015", source: "audited 2015 annual report"}
                """);
        try (TopologyHarness harness = new TopologyHarness(dir.resolve("state"),
                Map.of("analytics.baselines.file", file.toString()))) {
            harness.send(eol.key(), eol.unit("2025-02-03T01:00", Duration.ofHours(1), UnitResult.GOOD));

            Baseline cost = harness.data().baseline(PLANT, Kpi.OPERATING_COST).orElseThrow();
            assertThat(cost.value()).isEqualTo(420.5);
            assertThat(cost.source()).isEqualTo("audited 2015 annual report");
            assertThat(cost.method()).isEqualTo(Baseline.CONFIGURED);
        }
    }

    private TopologyHarness harness(int version, Map<String, Baseline> published) throws IOException {
        Path file = Files.writeString(dir.resolve("baselines-v" + version + ".yaml"), """
                defaults:
                  learnFrom: 2025-01-01
                  learnTo: 2025-01-31
                  version: %d
                """.formatted(version));
        // Ten units on ten January days: enough evidence once the minimums are lowered to that (BaselineEvidenceTest
        // covers the defaults).
        return new TopologyHarness(dir.resolve("state-" + version), Map.of("analytics.baselines.file", file.toString(),
                "analytics.baseline.min.units", "10", "analytics.baseline.min.days", "10",
                "analytics.baseline.min.months", "1"), published);
    }

    /** {@code units} units in January, the first {@code defective} of them defects. */
    private void sendJanuary(TopologyHarness harness, int units, int defective) {
        for (int i = 0; i < units; i++) {
            harness.send(eol.key(), eol.unit("2025-01-%02dT10:00".formatted(i + 2), Duration.ofHours(2),
                    i < defective ? UnitResult.DEFECT : UnitResult.GOOD));
        }
    }

    private static Map<String, Baseline> published(TopologyHarness harness) {
        Map<String, Baseline> result = new java.util.HashMap<>();
        for (KeyValue<byte[], byte[]> record : harness.baselines.readKeyValuesToList()) {
            try {
                result.put(new String(record.key, StandardCharsets.UTF_8), Json.MAPPER.readValue(record.value, Baseline.class));
            } catch (IOException e) {
                throw new AssertionError("unreadable baseline record", e);
            }
        }
        return result;
    }
}
