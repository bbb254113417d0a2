package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.ClosedFigures;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which plants a publication rebuilds: those marked changed, and those whose open months moved with the wall
 * clock alone. The state comes from the topology; the publisher under test runs beside it on its own clock.
 */
class KpiPublisherTest {

    private static final String PLANT = "hz-gearbox";
    private static final String OTHER = "cd-valve";
    private static final String CNC = PLANT + "/*/cnc_ratio";

    @TempDir
    Path stateDir;
    TopologyHarness harness;
    final AtomicLong wallClock = new AtomicLong(TopologyHarness.WALL_CLOCK.toEpochMilli());
    final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    KpiPublisher publisher;

    @BeforeEach
    void start() {
        harness = new TopologyHarness(stateDir, Map.of());
        publisher = new KpiPublisher(harness.data(), harness.config, wallClock::get,
                new ClosedFigures(harness.config.processing().grace()));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void plantIsRebuiltWhenALineFallingIdleMovesItsOpenMonthsAndNothingElseChanged() throws IOException {
        // Line l2 lags in December, l1 is in January: the plant's watermark is l2's clock while both are live.
        Events lagging = Events.station(PLANT, "l2", "eol");
        Events leading = Events.station(PLANT, "l1", "eol");
        harness.send(lagging.key(), lagging.unit("2025-12-20T10:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.driver.advanceWallClockTime(Duration.ofMinutes(6));
        harness.send(leading.key(), leading.unit("2026-01-05T10:00", Duration.ofHours(1), UnitResult.GOOD));
        wallClock.addAndGet(Duration.ofMinutes(6).toMillis());

        assertThat(status(publish(), "2025")).isEqualTo("projected");
        assertThat(publish()).isEmpty();

        // l2 has been silent for 11 minutes (idle after 10), l1 for 5: the watermark is l1's clock, and December,
        // the 2025 milestone's last month, has closed on it.
        wallClock.addAndGet(Duration.ofMinutes(5).toMillis());
        assertThat(status(publish(), "2025")).isEqualTo("assessed");
        assertThat(publish()).isEmpty();

        // Both idle: the data have stopped and the watermark falls back to the earliest line, December.
        wallClock.addAndGet(Duration.ofMinutes(6).toMillis());
        assertThat(status(publish(), "2025")).isEqualTo("projected");
    }

    @Test
    void onlyPlantsMarkedChangedAreRebuilt() throws IOException {
        Events plant = Events.station(PLANT, "l1", "eol");
        Events other = Events.station(OTHER, "l1", "eol");
        harness.send(plant.key(), plant.unit("2025-03-03T10:00", Duration.ofHours(1), UnitResult.GOOD));
        harness.send(other.key(), other.unit("2025-03-03T10:00", Duration.ofHours(1), UnitResult.GOOD));
        assertThat(publish().keySet()).anyMatch(key -> key.startsWith(PLANT + "/"))
                .anyMatch(key -> key.startsWith(OTHER + "/"));

        harness.send(plant.key(), plant.unit("2025-03-03T11:00", Duration.ofHours(1), UnitResult.SCRAP));
        harness.send(other.key(), other.unit("2025-03-03T11:00", Duration.ofHours(1), UnitResult.SCRAP));
        assertThat(publish()).as("nothing marked changed").isEmpty();

        publisher.changed(OTHER);
        Map<String, JsonNode> records = publish();
        assertThat(records).isNotEmpty();
        assertThat(records.keySet()).allMatch(key -> key.startsWith(OTHER + "/"));
        assertThat(records.get(OTHER + "/*/defect_rate").path("windows").path("month").path("value").asDouble())
                .isEqualTo(0.5);
    }

    private Map<String, JsonNode> publish() throws IOException {
        context.resetForwards();
        publisher.publish(wallClock.get(), context);
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (MockProcessorContext.CapturedForward<? extends byte[], ? extends byte[]> forward : context.forwarded()) {
            assertThat(forward.childName()).contains(AnalyticsTopology.KPI_SINK);
            Record<? extends byte[], ? extends byte[]> record = forward.record();
            records.put(new String(record.key(), StandardCharsets.UTF_8), Json.MAPPER.readTree(record.value()));
        }
        return records;
    }

    private static String status(Map<String, JsonNode> records, String milestone) {
        assertThat(records).containsKey(CNC);
        for (JsonNode score : records.get(CNC).path("milestones")) {
            if (milestone.equals(score.path("milestone").asText())) {
                return score.path("status").asText();
            }
        }
        throw new AssertionError("no milestone " + milestone + " in " + records.get(CNC));
    }
}
