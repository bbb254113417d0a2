package io.pilotwatch.analytics.topology;

/**
 * A telemetry record after classification, as it crosses the repartition by plant: the outcome, and the
 * record's value exactly as it arrived (for the DLQ, should the record be unusable or late).
 */
public record Classified(Classifier.Outcome outcome, byte[] raw) {
}
