package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.Payload;
import io.pilotwatch.telemetry.TelemetryEvent;

/** The event time of a KPI event: {@code completedAt} for units (what the unit counts towards), else {@code ts}. */
public final class EventTimes {

    private EventTimes() {
    }

    public static long of(TelemetryEvent event) {
        if (event.payload() instanceof Payload.Unit unit) {
            return unit.completedAt().toEpochMilli();
        }
        return event.ts().toEpochMilli();
    }
}
