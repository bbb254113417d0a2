package io.pilotwatch.analytics.kpi;

import io.pilotwatch.telemetry.MachineState;

/**
 * Station time {@code [fromMillis, toMillis)} in {@code state} to add ({@code sign} +1) to the day
 * buckets, or to take back (-1) because an out-of-order state change split an interval already counted.
 */
public record StateSpan(MachineState state, long fromMillis, long toMillis, int sign) {
}
