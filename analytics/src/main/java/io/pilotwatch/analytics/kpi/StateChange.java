package io.pilotwatch.analytics.kpi;

import io.pilotwatch.telemetry.MachineState;

/** A station entered {@code state} at {@code tsMillis}. */
public record StateChange(long tsMillis, MachineState state) {
}
