package io.pilotwatch.deploy.bench;

import java.util.List;

/**
 * Several subscribe-mode bridges sharing one MQTT subscription ({@code $share/<group>/...}).
 *
 * @param deliveredPerSecond     all bridges together, into Kafka, over the measured window
 * @param perInstancePerSecond   each bridge's share of it
 * @param published              messages Mosquitto acknowledged to the publishers over the whole point
 * @param inKafka                records on the point's own telemetry topic once the bridges drained
 * @param forwarded              the sum of the bridges' own forwarded counters
 */
record ScaleOutPoint(double deliveredPerSecond, List<Double> perInstancePerSecond, long published, long inKafka,
                     long forwarded) {

    /** Every acknowledged message is in Kafka exactly once (no loss, and no resend in this run). */
    boolean exact() {
        return inKafka == published && forwarded == published;
    }
}
