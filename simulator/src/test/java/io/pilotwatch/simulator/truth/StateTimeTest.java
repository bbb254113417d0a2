package io.pilotwatch.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.telemetry.MachineState;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Time in a state is split at month boundaries of the plant's time zone. */
class StateTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void splitsAnIntervalAtLocalMonthBoundaries() {
        PlantTruth plant = new TruthRecorder().plant(new PlantSpec("p", null, null, null, null), 0, Long.MAX_VALUE);
        LineTruth line = plant.line("l");
        StationTruth station = line.station("s");
        // Down from Jan 31 22:00 to Feb 1 03:00 local: 2 h in January, 3 h in February (local months, not UTC).
        station.onState(millis(2025, 1, 31, 22), MachineState.DOWN);
        station.onState(millis(2025, 2, 1, 3), MachineState.RUNNING);
        assertThat(line.months.get(YearMonth.of(2025, 1)).stateMillis[MachineState.DOWN.ordinal()])
                .isEqualTo(2 * 3_600_000L);
        assertThat(line.months.get(YearMonth.of(2025, 2)).stateMillis[MachineState.DOWN.ordinal()])
                .isEqualTo(3 * 3_600_000L);
    }

    private static long millis(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(SHANGHAI).toInstant().toEpochMilli();
    }
}
