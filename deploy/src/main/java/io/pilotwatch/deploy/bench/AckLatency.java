package io.pilotwatch.deploy.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's own MQTT-receipt-to-Kafka-ack latency over a measured window, read from its
 * {@code ingest.ack.latency} histogram buckets (so the value is a bucket's upper bound).
 */
final class AckLatency {

    private final Timer timer;
    private final CountAtBucket[] atStart;

    AckLatency(PrometheusMeterRegistry registry) {
        this.timer = registry.get("ingest.ack.latency").timer();
        this.atStart = timer.takeSnapshot().histogramCounts();
    }

    /** The {@code quantile} of the latencies recorded since construction, in milliseconds. */
    double sinceStartMillis(double quantile) {
        HistogramSnapshot now = timer.takeSnapshot();
        CountAtBucket[] buckets = now.histogramCounts();
        double total = buckets[buckets.length - 1].count() - atStart[atStart.length - 1].count();
        if (total <= 0) {
            return Double.NaN;
        }
        for (int i = 0; i < buckets.length; i++) {
            double count = buckets[i].count() - atStart[i].count();
            if (count >= quantile * total) {
                return buckets[i].bucket(TimeUnit.MILLISECONDS);
            }
        }
        return now.max(TimeUnit.MILLISECONDS);
    }
}
