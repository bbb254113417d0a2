package io.pilotwatch.deploy.bench;

import java.util.Comparator;
import java.util.List;

/**
 * One measured throughput point.
 *
 * @param deliveredPerSecond   messages per second that reached the end of the path (subscriber or Kafka)
 * @param publishedPerSecond   messages per second acknowledged to the publishers
 * @param publishAckP50Millis  publish-to-acknowledgement latency seen by publishers, median
 * @param publishAckP99Millis  the same, 99th percentile
 * @param publishAckMaxMillis  the same, maximum
 * @param bridgeAckP50Millis   the bridge's MQTT receipt to Kafka ack latency, median (bucket bound), or NaN
 * @param bridgeAckP99Millis   the same, 99th percentile
 * @param peakHeapBytes        the bridge's peak heap in use during the point (0 without a bridge)
 * @param peakRssBytes         the bridge process's peak resident memory (0 without a bridge)
 */
record Point(double deliveredPerSecond, double publishedPerSecond, double publishAckP50Millis,
             double publishAckP99Millis, double publishAckMaxMillis, double bridgeAckP50Millis,
             double bridgeAckP99Millis, long peakHeapBytes, long peakRssBytes) {

    /** The repetition with the median delivered rate (a real run, not a blend of several). */
    static Point median(List<Point> points) {
        List<Point> sorted = points.stream().sorted(Comparator.comparingDouble(Point::deliveredPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The largest peak heap over the repetitions (memory is a bound, not a typical value). */
    static long maxHeap(List<Point> points) {
        return points.stream().mapToLong(Point::peakHeapBytes).max().orElse(0);
    }

    static long maxRss(List<Point> points) {
        return points.stream().mapToLong(Point::peakRssBytes).max().orElse(0);
    }
}
