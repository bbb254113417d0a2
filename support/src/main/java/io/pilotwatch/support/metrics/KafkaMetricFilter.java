package io.pilotwatch.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * Makes the Kafka client metrics that {@code KafkaStreamsMetrics} binds pass {@code promtool check metrics}:
 * <ul>
 *   <li>times Kafka reports in nanoseconds or milliseconds ({@code io-time-ns-total}, {@code start-time-ms})
 *       are dropped: Prometheus wants seconds, and a filter can rename but not rescale a value;</li>
 *   <li>{@code connection-count} gauges become {@code connections} (Prometheus reserves {@code _count} for
 *       histograms and summaries);</li>
 *   <li>metrics without a description get one.</li>
 * </ul>
 * Throughput, latency averages in seconds, lag, task and store metrics are kept unchanged.
 */
public final class KafkaMetricFilter implements MeterFilter {

    private static final Set<String> NON_SECOND_UNITS = Set.of("ns", "ms");

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        if (isKafka(id)) {
            for (String token : id.getName().split("\\.")) {
                if (NON_SECOND_UNITS.contains(token)) {
                    return MeterFilterReply.DENY;
                }
            }
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!isKafka(id)) {
            return id;
        }
        String name = id.getName();
        if (name.endsWith(".count")) {
            name = name.substring(0, name.length() - ".count".length()) + "s";
        }
        String description = id.getDescription() == null || id.getDescription().isBlank()
                ? "Kafka client metric " + id.getName() : id.getDescription();
        return new Meter.Id(name, Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
    }

    private static boolean isKafka(Meter.Id id) {
        return id.getName().startsWith("kafka.");
    }
}
