package io.pilotwatch.simulator.truth;

import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;

/** One station as the ground truth sees it: its latest profile and the state it is in since when. */
public final class StationTruth {

    private final LineTruth line;
    boolean keyProcess;
    boolean cnc;
    double idealCycleSeconds;
    boolean profiled;
    MachineState state;
    long stateSince;

    StationTruth(LineTruth line) {
        this.line = line;
    }

    LineTruth line() {
        return line;
    }

    void onProfile(long millis, Payload.Profile profile) {
        profiled = true;
        keyProcess = profile.keyProcess();
        cnc = profile.cnc();
        idealCycleSeconds = profile.idealCycleSeconds().orElse(0.0);
        line.profilesChanged(millis);
    }

    void onState(long millis, MachineState newState) {
        if (state != null) {
            line.addStateTime(state, stateSince, millis);
        }
        state = newState;
        stateSince = millis;
    }
}
