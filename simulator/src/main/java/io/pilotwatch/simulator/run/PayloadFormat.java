package io.pilotwatch.simulator.run;

/** What the simulated stations speak. */
public enum PayloadFormat {
    /** The telemetry contract v1: JSON on {@code factory/v1/...}. */
    JSON,
    /** Sparkplug B 3.0: each line an edge node, each station a device (docs/sparkplug.md). */
    SPARKPLUG
}
