package io.pilotwatch.simulator.truth;

import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the ground truth from every real message as it is generated (injected faults never pass
 * here). Used by the simulation thread only; {@link TruthReport} turns it into the JSON document.
 */
public final class TruthRecorder {

    final List<PlantTruth> plants = new ArrayList<>();

    /** Registers a plant and its window {@code [startMillis, endMillis)}. */
    public PlantTruth plant(PlantSpec spec, long startMillis, long endMillis) {
        PlantTruth plant = new PlantTruth(spec, startMillis, endMillis);
        plants.add(plant);
        return plant;
    }

    /** Records one real message of a station. */
    public void record(StationTruth station, TelemetryEvent event) {
        LineTruth line = station.line();
        line.plant().messagesByKind[event.kind().ordinal()]++;
        long millis = event.ts().toEpochMilli();
        Payload payload = event.payload();
        if (payload instanceof Payload.Unit unit) {
            line.onUnit(unit);
        } else if (payload instanceof Payload.Cost cost) {
            line.onCost(millis, cost);
        } else if (payload instanceof Payload.State state) {
            station.onState(millis, state.state());
        } else if (payload instanceof Payload.Profile profile) {
            station.onProfile(millis, profile);
        }
    }
}
