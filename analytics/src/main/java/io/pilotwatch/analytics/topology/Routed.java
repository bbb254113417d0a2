package io.pilotwatch.analytics.topology;

/**
 * What the processor emits: a value bound for one of its output topics (the key travels as the record key,
 * and DLQ headers as record headers).
 */
public record Routed(Route route, byte[] value) {

    /** The output topics. */
    public enum Route {
        DLQ, KPI, BASELINE
    }
}
