package io.pilotwatch.simulator.sim;

import io.pilotwatch.simulator.scenario.StationSpec;
import io.pilotwatch.simulator.truth.StationTruth;
import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.StationId;
import java.util.Optional;
import java.util.SplittableRandom;

/** A station's mutable state during a run: its profile, sequence number, machine state and random stream. */
final class StationModel {

    final StationId id;
    final int route;
    final SplittableRandom random;
    final StationTruth truth;
    private final String process;
    private boolean keyProcess;
    private boolean cnc;
    private double idealCycleSeconds;
    private long seq;
    MachineState state = MachineState.OFF;
    long nextSetupMillis = Long.MAX_VALUE;

    StationModel(StationId id, StationSpec spec, int route, SplittableRandom random, StationTruth truth) {
        this.id = id;
        this.route = route;
        this.random = random;
        this.truth = truth;
        this.process = spec.process();
        this.keyProcess = spec.keyProcess();
        this.cnc = spec.cnc();
        this.idealCycleSeconds = spec.idealCycleSeconds();
    }

    long nextSeq() {
        return seq++;
    }

    Payload.Profile profile() {
        return new Payload.Profile(process, keyProcess, cnc, Optional.of(idealCycleSeconds));
    }

    double idealCycleSeconds() {
        return idealCycleSeconds;
    }

    /**
     * A retrofit; null leaves a field unchanged.
     *
     * @return whether anything changed (then a new profile is due)
     */
    boolean retrofit(Boolean newCnc, Boolean newKeyProcess, Double newIdealCycleSeconds) {
        boolean changed = false;
        if (newCnc != null && newCnc != cnc) {
            cnc = newCnc;
            changed = true;
        }
        if (newKeyProcess != null && newKeyProcess != keyProcess) {
            keyProcess = newKeyProcess;
            changed = true;
        }
        if (newIdealCycleSeconds != null && newIdealCycleSeconds != idealCycleSeconds) {
            idealCycleSeconds = newIdealCycleSeconds;
            changed = true;
        }
        return changed;
    }
}
