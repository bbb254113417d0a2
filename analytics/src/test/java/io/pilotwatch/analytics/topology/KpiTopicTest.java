package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.store.Json;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiTopicTest {

    @Test
    void snapshotsArePublishedPerPlantLineAndKpiAndOnlyWhenTheyChange(@TempDir Path stateDir) throws IOException {
        try (TopologyHarness harness = new TopologyHarness(stateDir, Map.of())) {
            Events eol = Events.station("hz-gearbox", "l1", "eol");
            harness.send(eol.key(), eol.unit("2025-03-03T10:00", Duration.ofHours(1), UnitResult.GOOD));
            harness.send(eol.key(), eol.unit("2025-03-03T11:00", Duration.ofHours(3), UnitResult.SCRAP));

            harness.publish();
            Map<String, JsonNode> first = read(harness);
            harness.publish();

            assertThat(first).containsKeys("hz-gearbox/*/defect_rate", "hz-gearbox/l1/defect_rate",
                    "hz-gearbox/*/production_cycle_p90", "hz-gearbox/l1/oee");
            JsonNode defects = first.get("hz-gearbox/*/defect_rate");
            assertThat(defects.path("windows").path("month").path("period").asText()).isEqualTo("2025-03");
            assertThat(defects.path("windows").path("month").path("value").asDouble()).isEqualTo(0.5);
            assertThat(defects.path("windows").path("month").path("sampleSize").asLong()).isEqualTo(2);
            assertThat(defects.path("milestones").size()).isEqualTo(2);
            assertThat(first.get("hz-gearbox/*/production_cycle").path("windows").path("year").path("value")
                    .asDouble()).isCloseTo(7200, within(1e-9));
            assertThat(harness.kpi.isEmpty()).isTrue();
        }
    }

    private static Map<String, JsonNode> read(TopologyHarness harness) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (KeyValue<byte[], byte[]> record : harness.kpi.readKeyValuesToList()) {
            records.put(new String(record.key, StandardCharsets.UTF_8), Json.MAPPER.readTree(record.value));
        }
        return records;
    }
}
