package io.pilotwatch.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilotwatch.analytics.store.JsonSerde;
import io.pilotwatch.telemetry.MachineState;
import org.junit.jupiter.api.Test;

class StationRecordTest {

    @Test
    void inOrderChangesSettleTheIntervalBeforeThem() {
        StationRecord station = new StationRecord();

        assertThat(station.insertState(0, MachineState.RUNNING)).isEmpty();
        assertThat(station.insertState(100, MachineState.IDLE))
                .containsExactly(new StateSpan(MachineState.RUNNING, 0, 100, +1));
    }

    @Test
    void outOfOrderChangeMovesTimeFromTheStateItInterrupts() {
        StationRecord station = new StationRecord();
        station.insertState(0, MachineState.RUNNING);
        station.insertState(100, MachineState.OFF);

        assertThat(station.insertState(40, MachineState.DOWN)).containsExactly(
                new StateSpan(MachineState.RUNNING, 40, 100, -1), new StateSpan(MachineState.DOWN, 40, 100, +1));
        assertThat(station.currentState()).contains(new StateChange(100, MachineState.OFF));
    }

    @Test
    void changeBeforeTheFirstKnownOneCountsUpToIt() {
        StationRecord station = new StationRecord();
        station.insertState(100, MachineState.RUNNING);

        assertThat(station.insertState(50, MachineState.SETUP))
                .containsExactly(new StateSpan(MachineState.SETUP, 50, 100, +1));
    }

    @Test
    void pruningKeepsTheChangeInForceAtTheCutoff() {
        StationRecord station = new StationRecord();
        station.insertState(0, MachineState.RUNNING);
        station.insertState(100, MachineState.IDLE);
        station.insertState(200, MachineState.RUNNING);

        station.pruneStatesBefore(150);

        assertThat(station.states()).containsExactly(new StateChange(100, MachineState.IDLE),
                new StateChange(200, MachineState.RUNNING));
    }

    @Test
    void latestProfileBeforeATimeCountsAndARepublishedOneReplacesItsTwin() {
        StationRecord station = new StationRecord();
        station.applyProfile(new Profile(0, true, false, 95.5));
        station.applyProfile(new Profile(1000, true, true, 95.5));
        station.applyProfile(new Profile(1000, true, true, 95.5));

        assertThat(station.profiles()).hasSize(2);
        assertThat(station.profileBefore(1000).get().cnc()).isFalse();
        assertThat(station.profileBefore(1001).get().cnc()).isTrue();
        assertThat(station.profileBefore(0)).isEmpty();
    }

    @Test
    void survivesTheStoreSerde() {
        StationRecord station = new StationRecord();
        station.applyProfile(new Profile(0, true, false, 95.5));
        station.insertState(10, MachineState.RUNNING);
        JsonSerde<StationRecord> serde = new JsonSerde<>(StationRecord.class);

        StationRecord copy = serde.deserializer().deserialize("t", serde.serializer().serialize("t", station));

        assertThat(copy.profiles()).isEqualTo(station.profiles());
        assertThat(copy.states()).isEqualTo(station.states());
    }
}
