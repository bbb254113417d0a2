package io.pilotwatch.deploy.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * The bridge's MQTT-receipt-to-Kafka-ack latency over a measured window, from the difference of two scrapes
 * of its {@code ingest_ack_latency_seconds} histogram: a quantile is the upper bound of the bucket it falls in.
 */
final class ScrapedLatency {

    private static final String BUCKET = "ingest_ack_latency_seconds_bucket{";

    private final Map<Double, Double> start;

    ScrapedLatency(MetricsScrape atStart) {
        this.start = buckets(atStart);
    }

    /** The {@code quantile} of the latencies recorded between the two scrapes, in milliseconds; NaN if none. */
    double quantileMillis(MetricsScrape atEnd, double quantile) {
        Map<Double, Double> end = buckets(atEnd);
        double total = end.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - start.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : end.entrySet()) {
            double count = bucket.getValue() - start.getOrDefault(bucket.getKey(), 0.0);
            if (count >= quantile * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    /** Cumulative counts by upper bound ({@code le}), in seconds. */
    private static Map<Double, Double> buckets(MetricsScrape scrape) {
        Map<Double, Double> buckets = new TreeMap<>();
        for (String line : scrape.lines()) {
            if (!line.startsWith(BUCKET)) {
                continue;
            }
            int le = line.indexOf("le=\"") + 4;
            String bound = line.substring(le, line.indexOf('"', le));
            double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.put(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
        }
        return buckets;
    }
}
