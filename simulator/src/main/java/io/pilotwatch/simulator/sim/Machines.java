package io.pilotwatch.simulator.sim;

import io.pilotwatch.telemetry.MachineState;
import io.pilotwatch.telemetry.Payload;

/**
 * Machine states of a line's stations: running until the next failure (exponential, mean MTBF) or the next
 * due setup, whichever comes first; down for an exponential repair time (mean MTTR); setup for a fixed time.
 * A setup that falls due while a station is down starts right after the repair. Each station has at most one
 * pending transition, so interventions take effect from the next one.
 */
final class Machines {

    private final LineModel line;

    Machines(LineModel line) {
        this.line = line;
    }

    void boot(StationModel station, long now) {
        LineParams params = line.params();
        if (params.setupEveryHours() != null) {
            // Stagger the first setups so that not every station of the plant changes over at the same moment.
            station.nextSetupMillis = now + Math.round(station.random.nextDouble() * hoursMillis(params.setupEveryHours()));
        }
        enter(station, MachineState.RUNNING, now);
    }

    /** The end of the run: nothing is scheduled any more, so no transition can follow. */
    void switchOff(StationModel station, long now) {
        if (station.state != MachineState.OFF) {
            station.state = MachineState.OFF;
            line.emitter.emit(station, now, new Payload.State(MachineState.OFF));
        }
    }

    private void enter(StationModel station, MachineState state, long now) {
        station.state = state;
        line.emitter.emit(station, now, new Payload.State(state));
        LineParams params = line.params();
        switch (state) {
            case RUNNING -> scheduleNextStop(station, now, params);
            case DOWN -> {
                line.stationStopped();
                long repair = Sampling.wholeSecondsMillis(Sampling.exponential(station.random,
                        params.mttrHours() * 3600));
                line.scheduleIfInWindow(now + repair, () -> resume(station));
            }
            case SETUP -> {
                line.stationStopped();
                long every = hoursMillis(params.setupEveryHours());
                while (station.nextSetupMillis <= now) {
                    station.nextSetupMillis += every;
                }
                line.scheduleIfInWindow(now + Math.round(params.setupMinutes() * 60_000), () -> resume(station));
            }
            default -> throw new IllegalStateException("stations never enter " + state);
        }
    }

    private void scheduleNextStop(StationModel station, long now, LineParams params) {
        long failure = params.mtbfHours() == null ? Long.MAX_VALUE
                : now + Sampling.wholeSecondsMillis(Sampling.exponential(station.random, params.mtbfHours() * 3600));
        long setup = station.nextSetupMillis;
        if (failure == Long.MAX_VALUE && setup == Long.MAX_VALUE) {
            return;
        }
        if (failure < setup) {
            line.scheduleIfInWindow(failure, () -> enter(station, MachineState.DOWN, failure));
        } else {
            line.scheduleIfInWindow(setup, () -> enter(station, MachineState.SETUP, setup));
        }
    }

    private void resume(StationModel station) {
        long now = line.queue.now();
        line.stationRestarted();
        enter(station, station.nextSetupMillis <= now ? MachineState.SETUP : MachineState.RUNNING, now);
    }

    private static long hoursMillis(double hours) {
        return Math.round(hours * 3_600_000);
    }
}
