package io.pilotwatch.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.Events;
import io.pilotwatch.analytics.kpi.PlantRecord;
import io.pilotwatch.analytics.scorecard.PlantScorecard;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records already in their plant's partition skip the repartition topic; the others cross it. Either way a
 * plant's figures are the same: the driver feeds partition 0, so with three input partitions the plants whose
 * partition is not 0 take the repartition path, and with one partition every plant stays in place.
 */
class PlantPlacementTest {

    private static final Duration CYCLE = Duration.ofMinutes(30);
    private static final List<String> PLANTS = List.of("hz-gearbox", "sz-pcb", "cq-motor", "wh-steel", "xa-chip", "plant-0", "plant-3");

    @TempDir
    Path oneDir;
    @TempDir
    Path threeDir;

    @Test
    void thePlantsUsedTakeBothPaths() {
        List<Integer> partitions = PLANTS.stream()
                .map(plant -> PlantPartitioner.partitionOf((plant + "/l1").getBytes(StandardCharsets.UTF_8), 3))
                .toList();
        assertThat(partitions).contains(0).anyMatch(partition -> partition != 0);
    }

    @Test
    void figuresAreTheSameWhetherARecordCrossesTheRepartitionOrNot() {
        try (TopologyHarness one = new TopologyHarness(oneDir, Map.of(), Map.of(), 1);
             TopologyHarness three = new TopologyHarness(threeDir, Map.of(), Map.of(), 3)) {
            for (TopologyHarness harness : List.of(one, three)) {
                for (Map.Entry<byte[], byte[]> record : traffic()) {
                    harness.send(record.getKey(), record.getValue());
                }
                harness.send(null, "{}".getBytes(StandardCharsets.UTF_8));
            }
            for (String plant : PLANTS) {
                PlantRecord direct = one.plant(plant);
                assertThat(direct.accepted()).containsEntry("unit", 6L).containsEntry("cost", 1L);
                assertThat(three.plant(plant).accepted()).isEqualTo(direct.accepted());
                assertThat(three.plant(plant).duplicates()).isEqualTo(direct.duplicates()).isEqualTo(1);
                PlantScorecard expected = one.scorecard(plant);
                assertThat(three.scorecard(plant)).isEqualTo(expected);
            }
            assertThat(three.plant(PlantRecord.UNKNOWN_PLANT).rejected())
                    .isEqualTo(one.plant(PlantRecord.UNKNOWN_PLANT).rejected()).isNotEmpty();
            assertThat(three.dlq.readRecordsToList()).hasSize(1);
        }
    }

    /** The same events for every plant, one duplicate each; every harness gets equal copies. */
    private static List<Map.Entry<byte[], byte[]>> traffic() {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>();
        for (String plant : PLANTS) {
            Events cnc = Events.station(plant, "l1", "cnc-01");
            records.add(Map.entry(cnc.key(), cnc.profile("2025-03-01T06:00", true, true, 600.0)));
            records.add(Map.entry(cnc.key(), cnc.state("2025-03-01T06:05", MachineState.RUNNING)));
            for (int i = 0; i < 6; i++) {
                byte[] unit = cnc.unit("2025-03-0" + (i + 2) + "T08:00", CYCLE,
                        i == 3 ? UnitResult.DEFECT : UnitResult.GOOD);
                records.add(Map.entry(cnc.key(), unit));
                if (i == 4) {
                    records.add(Map.entry(cnc.key(), unit));
                }
            }
            records.add(Map.entry(cnc.key(), cnc.cost("2025-03-05T12:00", CostCategory.ENERGY, "18.62", "CNY", "24.5")));
        }
        return records;
    }
}
