package io.pilotwatch.analytics.topology;

import io.pilotwatch.telemetry.DecodeResult;

/** A telemetry record's value as the source reads it: decoded once (or rejected), with the bytes it came as. */
public record Decoded(DecodeResult result, byte[] raw) {
}
