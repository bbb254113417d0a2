package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.telemetry.CostCategory;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.UnitResult;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TotalsTest {

    @Test
    void mergedCycleStatisticsEqualThoseOfAllValues() {
        Totals a = new Totals();
        Totals b = new Totals();
        Totals all = new Totals();
        long[] cycles = {1000, 4000, 2500, 9000, 7000};
        for (int i = 0; i < cycles.length; i++) {
            (i < 2 ? a : b).addUnit(UnitResult.GOOD, cycles[i], 0);
            all.addUnit(UnitResult.GOOD, cycles[i], 0);
        }

        a.merge(b);

        assertThat(a.cycleCount()).isEqualTo(5);
        assertThat(a.cycleSumMillis()).isEqualTo(23_500);
        // Σ (x - 4700)² = 13.69e6 + 0.49e6 + 4.84e6 + 18.49e6 + 5.29e6 = 42.8e6
        assertThat(a.cycleM2()).isCloseTo(42.8e6, within(1e-3));
        assertThat(all.cycleM2()).isCloseTo(42.8e6, within(1e-3));
    }

    @Test
    void plannedTimeIsEveryStateButOff() {
        Totals totals = new Totals();
        totals.addStateMillis(MachineState.RUNNING, 700);
        totals.addStateMillis(MachineState.DOWN, 200);
        totals.addStateMillis(MachineState.OFF, 5000);

        assertThat(totals.plannedMillis()).isEqualTo(900);
    }

    @Test
    void exactDecimalsSurviveTheStoreSerde() {
        Totals totals = new Totals();
        totals.addCost(CostCategory.ENERGY, new BigDecimal("18.62"), Optional.of(new BigDecimal("24.5")));
        totals.addUnit(UnitResult.REWORK, 1234, 95.5);
        JsonSerde<Totals> serde = new JsonSerde<>(Totals.class);

        Totals copy = serde.deserializer().deserialize("t", serde.serializer().serialize("t", totals));

        assertThat(copy.cost(CostCategory.ENERGY)).isEqualTo(new BigDecimal("18.62"));
        assertThat(copy.energyKwh()).isEqualTo(new BigDecimal("24.5"));
        assertThat(copy.units(UnitResult.REWORK)).isEqualTo(1);
        assertThat(copy.idealSeconds()).isEqualTo(95.5);
    }
}
