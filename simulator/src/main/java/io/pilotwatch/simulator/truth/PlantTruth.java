package io.pilotwatch.simulator.truth;

import io.pilotwatch.simulator.scenario.PlantSpec;
import io.pilotwatch.telemetry.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one plant generated: its lines and its real messages by kind. */
public final class PlantTruth {

    final PlantSpec spec;
    final Calendar calendar;
    final long startMillis;
    final long endMillis;
    final Map<String, LineTruth> lines = new LinkedHashMap<>();
    final long[] messagesByKind = new long[Kind.values().length];

    PlantTruth(PlantSpec spec, long startMillis, long endMillis) {
        this.spec = spec;
        this.calendar = new Calendar(spec.zone());
        this.startMillis = startMillis;
        this.endMillis = endMillis;
    }

    /** The truth of one of this plant's lines; call once per line. */
    public LineTruth line(String lineId) {
        LineTruth line = new LineTruth(lineId, this);
        lines.put(lineId, line);
        return line;
    }
}
