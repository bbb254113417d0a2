package io.pilotwatch.simulator.truth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Writes the KPIs of one period (of a line or a plant) from its summed {@link MonthStats}. Ratios have six
 * decimals, per-good-unit money and energy four, seconds three (half-even rounding); counts and sums are
 * exact, so every ratio can be recomputed from the numbers next to it. A ratio whose denominator is zero
 * is {@code null}. The definitions are in docs/simulator.md.
 */
final class Kpis {

    private Kpis() {
    }

    static void write(ObjectNode node, MonthStats stats, int keyStations, int cncKeyStations) {
        long total = 0;
        ObjectNode units = node.putObject("units");
        for (long count : stats.units) {
            total += count;
        }
        units.put("total", total);
        for (UnitResult result : UnitResult.values()) {
            units.put(result.wireName(), stats.units[result.ordinal()]);
        }
        long good = stats.units[UnitResult.GOOD.ordinal()];
        node.put("defectRate", ratio(total - good, total));
        cycle(node.putObject("productionCycleSeconds"), stats.cycleMillis);
        cost(node.putObject("cost"), stats.costs, good);
        ObjectNode energy = node.putObject("energy");
        energy.put("kwh", stats.energyKwh);
        energy.put("kwhPerGoodUnit", perUnit(stats.energyKwh, good));
        ObjectNode cnc = node.putObject("cnc");
        cnc.put("keyStations", keyStations);
        cnc.put("cncKeyStations", cncKeyStations);
        cnc.put("ratio", ratio(cncKeyStations, keyStations));
        oee(node.putObject("oee"), stats, good, total);
        ObjectNode states = node.putObject("stateSeconds");
        for (MachineState state : MachineState.values()) {
            states.put(state.wireName(), seconds(stats.stateMillis[state.ordinal()]));
        }
    }

    private static void cycle(ObjectNode node, LongList cycles) {
        node.put("count", cycles.size());
        if (cycles.size() == 0) {
            node.putNull("mean");
            node.putNull("p50");
            node.putNull("p90");
            return;
        }
        long[] sorted = cycles.sorted();
        BigDecimal sum = BigDecimal.ZERO;
        long partial = 0;
        for (long value : sorted) {
            // Long sums in chunks: a year of cycles in milliseconds could overflow a long in extreme scenarios.
            if (partial > Long.MAX_VALUE / 2) {
                sum = sum.add(BigDecimal.valueOf(partial));
                partial = 0;
            }
            partial += value;
        }
        sum = sum.add(BigDecimal.valueOf(partial));
        node.put("mean", sum.divide(BigDecimal.valueOf(sorted.length * 1000L), 3, RoundingMode.HALF_EVEN));
        node.put("p50", seconds(Percentiles.nearestRank(sorted, 50)));
        node.put("p90", seconds(Percentiles.nearestRank(sorted, 90)));
    }

    private static void cost(ObjectNode node, Map<String, BigDecimal[]> costs, long good) {
        for (Map.Entry<String, BigDecimal[]> currency : costs.entrySet()) {
            ObjectNode money = node.putObject(currency.getKey());
            BigDecimal total = BigDecimal.ZERO;
            for (BigDecimal amount : currency.getValue()) {
                total = total.add(amount);
            }
            money.put("total", total);
            money.put("perGoodUnit", perUnit(total, good));
            ObjectNode byCategory = money.putObject("byCategory");
            for (CostCategory category : CostCategory.values()) {
                BigDecimal amount = currency.getValue()[category.ordinal()];
                ObjectNode entry = byCategory.putObject(category.wireName());
                entry.put("total", amount);
                entry.put("perGoodUnit", perUnit(amount, good));
            }
        }
    }

    private static void oee(ObjectNode node, MonthStats stats, long good, long total) {
        long planned = 0;
        for (MachineState state : MachineState.values()) {
            planned += state == MachineState.OFF ? 0 : stats.stateMillis[state.ordinal()];
        }
        long running = stats.stateMillis[MachineState.RUNNING.ordinal()];
        BigDecimal ideal = BigDecimal.valueOf(stats.idealSeconds).setScale(3, RoundingMode.HALF_EVEN);
        node.put("plannedSeconds", seconds(planned));
        node.put("runningSeconds", seconds(running));
        node.put("idealSeconds", ideal);
        node.put("availability", ratio(running, planned));
        node.put("performance", ratio(stats.idealSeconds, running / 1000.0));
        node.put("quality", ratio(good, total));
        node.put("oee", planned == 0 || total == 0 ? null
                : round6(stats.idealSeconds / (planned / 1000.0) * good / total));
    }

    static BigDecimal ratio(double numerator, double denominator) {
        return denominator == 0 ? null : round6(numerator / denominator);
    }

    private static BigDecimal round6(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal perUnit(BigDecimal amount, long good) {
        return good == 0 ? null : amount.divide(BigDecimal.valueOf(good), 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
