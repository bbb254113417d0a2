package io.pilotwatch.analytics;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hand-computed month of docs/kpis.md's worked example, as the records the ingest bridge would write:
 * plant hz-gearbox, March 2025 (Asia/Shanghai), two lines. Line l1 finishes 4 units (3 good, 1 defect;
 * cycles 1, 2, 3, 4 h), line l2 finishes 2 (1 scrap of 5 h, 1 good of 1 h). The last event is at
 * 5 March 12:00, which is the plant's clock. One state change of l1 arrives out of order.
 */
public final class ReferenceMonth {

    public static final String PLANT = "hz-gearbox";

    private ReferenceMonth() {
    }

    /** The records in the order they are sent; per line in event order except the one out-of-order state. */
    public static List<Map.Entry<byte[], byte[]>> records() {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>();
        Events s1 = Events.station(PLANT, "l1", "s1");
        Events s2 = Events.station(PLANT, "l1", "s2");
        Events s3 = Events.station(PLANT, "l1", "s3");
        Events t1 = Events.station(PLANT, "l2", "t1");
        add(records, s1, s1.profile("2025-03-01T00:00", true, true, 100.0));
        add(records, s2, s2.profile("2025-03-01T00:00", true, false, 200.0));
        add(records, s3, s3.profile("2025-03-01T00:00", false, false, 50.0));
        add(records, t1, t1.profile("2025-03-01T00:00", true, true, 100.0));

        add(records, s1, s1.state("2025-03-03T08:00", MachineState.RUNNING));
        add(records, s1, s1.state("2025-03-03T12:00", MachineState.IDLE));
        add(records, s1, s1.state("2025-03-03T16:00", MachineState.OFF));
        add(records, s1, s1.state("2025-03-03T13:00", MachineState.RUNNING)); // out of order
        add(records, t1, t1.state("2025-03-04T08:00", MachineState.RUNNING));
        add(records, t1, t1.state("2025-03-04T11:00", MachineState.DOWN));

        add(records, s3, s3.unit("2025-03-03T10:00", Duration.ofHours(1), UnitResult.GOOD));
        add(records, s3, s3.unit("2025-03-03T14:00", Duration.ofHours(2), UnitResult.GOOD));
        add(records, s3, s3.unit("2025-03-04T10:00", Duration.ofHours(3), UnitResult.DEFECT));
        add(records, s3, s3.unit("2025-03-05T10:00", Duration.ofHours(4), UnitResult.GOOD));
        add(records, t1, t1.unit("2025-03-04T09:00", Duration.ofHours(5), UnitResult.SCRAP));
        add(records, t1, t1.unit("2025-03-04T11:00", Duration.ofHours(1), UnitResult.GOOD));

        add(records, s1, s1.cost("2025-03-03T12:00", CostCategory.ENERGY, "50", "CNY", "100"));
        add(records, s1, s1.cost("2025-03-03T18:00", CostCategory.LABOR, "300", "CNY", null));
        add(records, s2, s2.cost("2025-03-04T12:00", CostCategory.LABOR, "200", "CNY", null));
        add(records, t1, t1.cost("2025-03-04T12:00", CostCategory.LABOR, "100", "CNY", null));
        add(records, t1, t1.cost("2025-03-04T13:00", CostCategory.ENERGY, "20", "CNY", "40"));
        add(records, s2, s2.cost("2025-03-05T12:00", CostCategory.MATERIAL, "150.00", "CNY", null));
        return records;
    }

    private static void add(List<Map.Entry<byte[], byte[]>> records, Events station, byte[] value) {
        records.add(Map.entry(station.key(), value));
    }
}
