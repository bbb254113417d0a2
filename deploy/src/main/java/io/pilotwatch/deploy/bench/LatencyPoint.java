package io.pilotwatch.deploy.bench;

/**
 * Latency at a fixed, paced load (issue 8 point E: at half the measured maximum rate).
 *
 * @param targetPerSecond      the paced publish rate
 * @param deliveredPerSecond   what reached Kafka over the measured window
 * @param publishAckP50Millis  publish to PUBACK (from the bridge after Kafka in listen mode, from Mosquitto in
 *                             subscribe mode)
 * @param arrivalP50Millis     publish to the record read from Kafka by a consumer (the whole path)
 */
record LatencyPoint(double targetPerSecond, double deliveredPerSecond, double publishAckP50Millis,
                    double publishAckP99Millis, double publishAckMaxMillis, double arrivalP50Millis,
                    double arrivalP99Millis, double arrivalMaxMillis, double bridgeAckP50Millis,
                    double bridgeAckP99Millis) {
}
