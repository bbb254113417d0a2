package io.pilotwatch.simulator.truth;

import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** What one line generated in one calendar month; merged into years and plants for the report. */
final class MonthStats {

    final long[] units = new long[UnitResult.values().length];
    final LongList cycleMillis = new LongList();
    /** Money by currency, then by category ordinal; exact decimal sums. */
    final Map<String, BigDecimal[]> costs = new TreeMap<>();
    BigDecimal energyKwh = BigDecimal.ZERO;
    /** Sum over units of the line's summed ideal cycle times at completion. */
    double idealSeconds;
    /** Time of the line's stations in each state, summed over stations. */
    final long[] stateMillis = new long[MachineState.values().length];

    void addCost(String currency, CostCategory category, BigDecimal amount) {
        BigDecimal[] byCategory = costs.computeIfAbsent(currency, c -> zeros());
        byCategory[category.ordinal()] = byCategory[category.ordinal()].add(amount);
    }

    void addAll(MonthStats other) {
        for (int i = 0; i < units.length; i++) {
            units[i] += other.units[i];
        }
        cycleMillis.addAll(other.cycleMillis);
        for (Map.Entry<String, BigDecimal[]> entry : other.costs.entrySet()) {
            for (CostCategory category : CostCategory.values()) {
                addCost(entry.getKey(), category, entry.getValue()[category.ordinal()]);
            }
        }
        energyKwh = energyKwh.add(other.energyKwh);
        idealSeconds += other.idealSeconds;
        for (int i = 0; i < stateMillis.length; i++) {
            stateMillis[i] += other.stateMillis[i];
        }
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] zeros = new BigDecimal[CostCategory.values().length];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
