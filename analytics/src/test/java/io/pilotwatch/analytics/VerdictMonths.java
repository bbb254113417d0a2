package io.pilotwatch.analytics;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plant whose scorecard shows every verdict (the data of {@code VerdictsTest}): plant cd-valve, line l1,
 * milestone m1 (due 31 January 2025, assessed over January) and m2 (due 31 December 2025, projected from
 * the complete months before the clock's). December 2024: 100 units on 1-3 December (before the trailing
 * window), 6 defective, cycles 7,350 s; January: 100 units, 5 defective, cycles 7,200 s; February: 100
 * units, 4 reworked, 7,000 s; costs on 10-12 January only; one unit on 3 March 10:00 sets the clock.
 * Configured baselines: defect rate 0.2, cycle 3,600 s, operating cost 100 CNY; the others are learned from
 * 2015, which has no data. Expected, with {@link #settings}:
 * <ul>
 *   <li>m1: defect rate {@code met}, progress 2.5; cycle {@code not_met}, progress -3.33; operating cost
 *       {@code inconclusive} (costs on 3 days, minimum 20); energy {@code inconclusive} (no baseline); CNC {@code met};</li>
 *   <li>m2: defect rate {@code inconclusive} (its line is at -0.065 at the due date, below 0; it crossed the
 *       threshold on 2024-08-16); cycle {@code off_track}, interval [3040.6, 7301.1], no projected date (beyond
 *       the horizon); operating cost {@code inconclusive}; CNC {@code off_track}.</li>
 * </ul>
 */
public final class VerdictMonths {

    public static final String PLANT = "cd-valve";

    public static final String TARGETS = """
            defaults:
              milestones:
                m1:
                  due: 2025-01-31
                  assessmentDays: 31
                  targets:
                    defect_rate: {reduction: 0.30}
                    production_cycle: {reduction: 0.30}
                    operating_cost: {reduction: 0.30}
                    energy_per_unit: {reduction: 0.18}
                    cnc_ratio: {atLeast: 0.50}
                m2:
                  due: 2025-12-31
                  targets:
                    defect_rate: {reduction: 0.50}
                    production_cycle: {reduction: 0.50}
                    operating_cost: {reduction: 0.50}
                    cnc_ratio: {atLeast: 0.64}
            """;

    public static final String BASELINES = """
            defaults:
              configured:
                defect_rate: {value: 0.2, period: "2015", source: "plant report"}
                production_cycle: {value: 3600, period: "2015", source: "plant report"}
                operating_cost: {value: 100, period: "2015", source: "plant report"}
            """;

    private final Events k1 = Events.station(PLANT, "l1", "k1");
    private final Events k2 = Events.station(PLANT, "l1", "k2");
    private final Events eol = Events.station(PLANT, "l1", "eol");
    private int marchUnits;

    /** The configuration keys the expectations hold for, with the two files written to {@code dir}. */
    public static Map<String, String> settings(Path dir) throws IOException {
        Path targets = Files.writeString(dir.resolve("targets.yaml"), TARGETS);
        Path baselines = Files.writeString(dir.resolve("baselines.yaml"), BASELINES);
        return Map.of("analytics.targets.file", targets.toString(), "analytics.baselines.file", baselines.toString(),
                "analytics.trend.months", "3", "analytics.trend.min.months", "2", "analytics.verdict.min.days", "20");
    }

    /** December 2024, January, February and the first March unit, in event order. */
    public List<Map.Entry<byte[], byte[]>> records() {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>();
        records.add(Map.entry(k1.key(), k1.profile("2024-12-01T00:00", true, true, 600.0)));
        records.add(Map.entry(k2.key(), k2.profile("2024-12-01T00:00", true, false, 600.0)));
        for (int i = 0; i < 100; i++) {
            int slot = i / 3;
            records.add(Map.entry(eol.key(), eol.unit("2024-12-%02dT%02d:%02d".formatted(1 + i % 3, 8 + slot / 6,
                    slot % 6 * 10), Duration.ofSeconds(7350), i < 6 ? UnitResult.DEFECT : UnitResult.GOOD)));
        }
        for (int day = 10; day <= 12; day++) {
            records.add(Map.entry(eol.key(), eol.cost("2025-01-" + day + "T18:00", CostCategory.LABOR, "1000", "CNY",
                    null)));
        }
        for (int i = 0; i < 100; i++) {
            records.add(Map.entry(eol.key(), eol.unit("2025-01" + at(i), Duration.ofSeconds(7200),
                    i % 20 == 0 ? UnitResult.DEFECT : UnitResult.GOOD)));
        }
        for (int i = 0; i < 100; i++) {
            records.add(Map.entry(eol.key(), eol.unit("2025-02" + at(i), Duration.ofSeconds(7000),
                    i % 25 == 0 ? UnitResult.REWORK : UnitResult.GOOD)));
        }
        records.addAll(marchUnits(1));
        return records;
    }

    /** {@code n} more good units of 7,000 s on 3 March, a minute apart from 10:00 on: new data for a live page. */
    public List<Map.Entry<byte[], byte[]>> marchUnits(int n) {
        List<Map.Entry<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(Map.entry(eol.key(), eol.unit("2025-03-03T10:%02d".formatted(marchUnits++),
                    Duration.ofSeconds(7000), UnitResult.GOOD)));
        }
        return records;
    }

    /** Day and hour in the month of the i-th unit: days 1 to 25 in turn, from 08:00 on. */
    private static String at(int i) {
        return "-%02dT%02d:00".formatted(1 + i / 4, 8 + i % 4);
    }
}
