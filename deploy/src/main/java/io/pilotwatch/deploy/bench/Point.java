package io.pilotwatch.deploy.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One measured point.
 *
 * @param deliveredPerSecond   messages per second that reached the end of the path (subscriber or Kafka)
 * @param publishedPerSecond   messages per second acknowledged to the publishers
 * @param publishAckP50Millis  publish-to-acknowledgement latency seen by publishers, median
 * @param publishAckP99Millis  the same, 99th percentile
 * @param publishAckMaxMillis  the same, maximum
 * @param bridgeAckP50Millis   the bridge's MQTT receipt to Kafka ack latency, median (bucket bound), or NaN
 * @param bridgeAckP99Millis   the same, 99th percentile
 */
record Point(double deliveredPerSecond, double publishedPerSecond, double publishAckP50Millis,
             double publishAckP99Millis, double publishAckMaxMillis, double bridgeAckP50Millis,
             double bridgeAckP99Millis) {

    /** The repetition with the median delivered rate (a real run, not a blend of several). */
    static Point median(List<Point> points) {
        List<Point> sorted = points.stream().sorted(Comparator.comparingDouble(Point::deliveredPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }
}
